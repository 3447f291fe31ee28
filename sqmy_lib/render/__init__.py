"""Rendering outputs: blank templates for staff, circulars, commendation lists and payout sheets."""

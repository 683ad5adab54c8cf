"""Animations of the convolutional networks part: one ``Clip`` per file."""

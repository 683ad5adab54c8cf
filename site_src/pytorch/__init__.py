"""PyTorch twins of the NumPy modules in ``site_src``, module for module."""

//! End-to-end walks in a pseudo-terminal (being written).

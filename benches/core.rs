//! Benchmarks of the pure core (filled in below).
fn main() {}

/**
 * Test support for every module: where the shared real data lies ({@link dev.mimik.testing.SharedData}), the
 * Python oracle the cross-check tests compare against ({@link dev.mimik.testing.PythonOracle}: numpy/scipy on
 * float64 arrays, and the interpreter search for other Python oracles such as MNE) and a seeded test signal
 * ({@link dev.mimik.testing.TestSignal}). Each helper skips the calling test, saying why, where what it needs is
 * absent.
 */
package dev.mimik.testing;

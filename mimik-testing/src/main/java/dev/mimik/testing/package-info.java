/**
 * Test support for every module: where the shared real data lies ({@link dev.mimik.testing.SharedData}) and the
 * independent oracles the cross-check tests compare against. Each helper skips the calling test, saying why, where
 * what it needs is absent.
 */
package dev.mimik.testing;

/** Speed benchmarks of the DSP chains against scipy; they print figures and assert nothing. */
package dev.mimik.signal.bench;

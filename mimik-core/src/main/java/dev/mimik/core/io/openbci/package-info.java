/** Reading OpenBCI GUI raw text recordings (Cyton, Ganglion) as microvolt channels. */
package dev.mimik.core.io.openbci;

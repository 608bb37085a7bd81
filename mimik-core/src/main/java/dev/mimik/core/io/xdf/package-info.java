/** Reading Lab Streaming Layer recordings (XDF): chunk parsing, clock synchronisation, streams to channels. */
package dev.mimik.core.io.xdf;

/** The {@code mimik} command line: one picocli command per job, I/O at the edges, computation in the modules. */
package dev.mimik.app;

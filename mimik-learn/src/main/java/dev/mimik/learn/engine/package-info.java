/** The deep learning engine (DJL on PyTorch) as every network of mimik starts and runs it. */
package dev.mimik.learn.engine;

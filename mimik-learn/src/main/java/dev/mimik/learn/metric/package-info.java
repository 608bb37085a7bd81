/** Error measures used while training (normalised mean error). */
package dev.mimik.learn.metric;

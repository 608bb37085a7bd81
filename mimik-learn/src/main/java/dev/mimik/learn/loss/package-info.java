/** Training losses for landmark regression (Wing loss). */
package dev.mimik.learn.loss;

/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.zmqspring.guard;

/**
 * The limits applied to what peers send, for one context.
 *
 * @param receiveBudget bytes that all sockets of the context together may hold in frames
 * decoded from the network and not yet read by the application
 * @param socketReceiveBudget the same, for one socket
 * @param maxFrames the most frames one multipart message may have
 * @param maxMultipartSize the most bytes one multipart message may have in all its frames
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public record ReceiveLimits(long receiveBudget, long socketReceiveBudget, int maxFrames, long maxMultipartSize) {

	/**
	 * Frames smaller than this are not charged to a budget: counting them would cost more
	 * than they weigh, and the high-water mark and {@link #maxFrames()} bound them.
	 */
	public static final int BUDGETED_FRAME_SIZE = 1024;

	/** Default for {@link #maxFrames()}. */
	public static final int DEFAULT_MAX_FRAMES = 64;

	/** Default for {@link #maxMultipartSize()}: 16 MiB. */
	public static final long DEFAULT_MAX_MULTIPART_SIZE = 16L * 1024 * 1024;

	public ReceiveLimits {
		if (receiveBudget <= 0 || socketReceiveBudget <= 0) {
			throw new IllegalArgumentException("Receive budgets must be positive");
		}
		if (maxFrames <= 0 || maxMultipartSize <= 0) {
			throw new IllegalArgumentException("Message limits must be positive");
		}
	}

	/**
	 * Return the default context budget: a quarter of the JVM's maximum heap, so that
	 * queued input can never run the heap out however many peers send at once.
	 * @return the default budget in bytes
	 */
	public static long defaultReceiveBudget() {
		return Runtime.getRuntime().maxMemory() / 4;
	}

	/**
	 * Return the limits used unless configured: a quarter of the heap for the context, a
	 * quarter of that for one socket, 64 frames and 16 MiB per message.
	 * @return the default limits
	 */
	public static ReceiveLimits defaults() {
		long budget = defaultReceiveBudget();
		return new ReceiveLimits(budget, Math.max(1, budget / 4), DEFAULT_MAX_FRAMES, DEFAULT_MAX_MULTIPART_SIZE);
	}

}

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

package io.github.zmqspring.core;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

import io.github.zmqspring.convert.ZmqFrames;

/**
 * A {@code requestAsync} call that has not been answered or expired. Every attempt keeps
 * the same correlation id, so a late reply to an earlier attempt completes the call too.
 * Its fields are guarded by the lock of its {@link AsyncRequestChannel}; the future is
 * completed after that lock is released.
 */
final class PendingRequest {

	final int correlationId;

	final ZmqFrames frames;

	/** Timeout of one attempt. */
	final Duration timeout;

	/** 1 + the retries allowed. */
	final int maxAttempts;

	final CompletableFuture<ZmqFrames> future = new CompletableFuture<>();

	/** Deadline of the current attempt. */
	long deadlineNanos;

	int attempt = 1;

	/** Whether the request waits in its channel's backlog (no ready connection). */
	boolean queued;

	/** Whether the request has its outcome: no longer pending. */
	boolean done;

	@Nullable ZmqFrames reply;

	@Nullable RuntimeException failure;

	PendingRequest(int correlationId, ZmqFrames frames, Duration timeout, int maxAttempts) {
		this.correlationId = correlationId;
		this.frames = frames;
		this.timeout = timeout;
		this.maxAttempts = maxAttempts;
		this.deadlineNanos = System.nanoTime() + timeout.toNanos();
	}

	/**
	 * Complete the future with the outcome; called without any lock held, since dependent
	 * stages run here.
	 */
	void complete() {
		RuntimeException error = this.failure;
		if (error != null) {
			this.future.completeExceptionally(error);
		}
		else {
			this.future.complete(this.reply);
		}
	}

}

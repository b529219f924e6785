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
 * A request the template's I/O thread has accepted and not yet answered or expired. Every
 * attempt keeps the same correlation id, so a late reply to an earlier attempt completes
 * the call too.
 */
final class PendingRequest {

	final OutboundChannel channel;

	final ZmqFrames frames;

	/** Timeout of one attempt. */
	final Duration timeout;

	/** 1 + the retries allowed. */
	final int maxAttempts;

	final CompletableFuture<ZmqFrames> future = new CompletableFuture<>();

	int correlationId;

	/** Deadline of the current attempt. */
	long deadlineNanos;

	int attempt = 1;

	/** The socket the current attempt went out on; {@code null} while in the backlog. */
	@Nullable TemplateSocket sentOn;

	/**
	 * The socket the previous attempt went out on, polled until this request ends: its
	 * late reply completes the request too.
	 */
	@Nullable TemplateSocket earlierOn;

	/** Whether the request waits in its channel's backlog. */
	boolean queued;

	PendingRequest(OutboundChannel channel, ZmqFrames frames, Duration timeout, int maxAttempts) {
		this.channel = channel;
		this.frames = frames;
		this.timeout = timeout;
		this.maxAttempts = maxAttempts;
		this.deadlineNanos = System.nanoTime() + timeout.toNanos();
	}

}

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

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

import org.jspecify.annotations.Nullable;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * One template socket and what waits for it. The permits are taken by callers on any
 * thread; everything else belongs to the template's I/O thread.
 */
final class OutboundChannel {

	final SocketType type;

	final ZmqEndpoint endpoint;

	/**
	 * Bounds what callers may queue for this socket; released once handed to the socket.
	 */
	final Semaphore permits;

	/**
	 * Completes when the I/O thread has opened the socket, or failed to (an address in
	 * use).
	 */
	final CompletableFuture<Void> opened = new CompletableFuture<>();

	ZMQ.@Nullable Socket socket;

	/** Messages the socket refused (no connected peer, or high-water mark reached). */
	final ArrayDeque<Object> backlog = new ArrayDeque<>();

	int pollIndex = -1;

	OutboundChannel(SocketType type, ZmqEndpoint endpoint, int capacity) {
		this.type = type;
		this.endpoint = endpoint;
		this.permits = new Semaphore(capacity);
	}

	String describe() {
		return this.type + " socket of endpoint '" + this.endpoint.name() + "' (" + this.endpoint.describeAddresses()
				+ ")";
	}

}

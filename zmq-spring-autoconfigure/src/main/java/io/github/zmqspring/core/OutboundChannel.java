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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.zeromq.SocketType;

/**
 * The sockets of one template endpoint and what waits for them. The permits, the
 * {@code accepting} flag, the drop counter and the subscription view are read by callers
 * on any thread; everything else belongs to the template's I/O thread.
 */
final class OutboundChannel {

	final SocketType type;

	final ZmqEndpoint endpoint;

	/** Per-attempt reply timeout and send timeout of this endpoint. */
	final Duration sendTimeout;

	/**
	 * Bounds what callers may queue for this socket; released once handed to the socket.
	 */
	final Semaphore permits;

	/**
	 * Completes when the I/O thread has opened the socket, or failed to (an address in
	 * use).
	 */
	final CompletableFuture<Void> opened = new CompletableFuture<>();

	/**
	 * Whether the last message went straight to a socket: a push may then return without
	 * waiting for the I/O thread.
	 */
	volatile boolean accepting;

	/** Published messages that no current subscription matched. */
	final AtomicLong unrouted = new AtomicLong();

	/**
	 * Subscriptions seen on the XPUB socket, topic (bytes as ISO-8859-1) to count.
	 */
	final Map<String, Integer> subscriptions = new ConcurrentHashMap<>();

	/** Notified whenever {@link #subscriptions} changes. */
	final Object subscriptionMonitor = new Object();

	/** Current sockets, one per slot (one per connect address for gated channels). */
	final List<TemplateSocket> sockets = new ArrayList<>();

	/** Replaced sockets still waiting for replies, at most one per slot. */
	final List<TemplateSocket> retiring = new ArrayList<>();

	/** Messages no socket accepted yet (no ready peer, or high-water mark reached). */
	final ArrayDeque<Object> backlog = new ArrayDeque<>();

	/** Round-robin position over {@link #sockets}. */
	int next;

	/** What was sent and received, kept across channels of the same endpoint. */
	final ZmqTemplateCounters counters;

	OutboundChannel(SocketType type, ZmqEndpoint endpoint, int capacity, Duration sendTimeout,
			ZmqTemplateCounters counters) {
		this.type = type;
		this.counters = counters;
		this.endpoint = endpoint;
		this.permits = new Semaphore(capacity);
		this.sendTimeout = sendTimeout;
	}

	boolean isOpen() {
		return !this.sockets.isEmpty();
	}

	boolean anyReady() {
		for (TemplateSocket socket : this.sockets) {
			if (socket.ready()) {
				return true;
			}
		}
		return false;
	}

	@Nullable TemplateSocket retiringFor(int slot) {
		for (TemplateSocket socket : this.retiring) {
			if (socket.slot == slot) {
				return socket;
			}
		}
		return null;
	}

	String describe() {
		return this.type + " socket of endpoint '" + this.endpoint.name() + "' (" + this.endpoint.describeAddresses()
				+ ")";
	}

}

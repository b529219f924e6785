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

import java.io.IOException;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.zeromq.ZMQ;

import io.github.zmqspring.convert.ZmqFrames;
import io.github.zmqspring.support.LogRateLimiter;

/**
 * One blocking request on a checked-out {@link EndpointSockets}: the caller's thread
 * sends and then waits on the same socket for the reply with its own correlation id, with
 * nothing in between. A reply with another id (late, to an earlier call that timed out)
 * is dropped. An attempt that times out with retries left goes out again on a fresh
 * socket (Lazy Pirate); the replaced socket is still read until the call ends, since its
 * late reply answers the call too, and is then closed.
 */
final class BlockingRequest {

	private static final Log logger = LogFactory.getLog(BlockingRequest.class);

	private static final LogRateLimiter invalidReplyLog = new LogRateLimiter();

	private final EndpointSockets sockets;

	private final int correlationId;

	private final ZmqFrames frames;

	private final Duration timeout;

	private final int maxAttempts;

	private final ZmqTemplateCounters counters;

	/** Sockets replaced by a retry, read until the call ends. */
	private final List<TemplateSocket> earlier = new ArrayList<>(0);

	/** Cleared when the call left the sockets in an unknown state. */
	private boolean reusable = true;

	BlockingRequest(EndpointSockets sockets, int correlationId, ZmqFrames frames, Duration timeout, int maxAttempts,
			ZmqTemplateCounters counters) {
		this.sockets = sockets;
		this.correlationId = correlationId;
		this.frames = frames;
		this.timeout = timeout;
		this.maxAttempts = maxAttempts;
		this.counters = counters;
	}

	/**
	 * Send the request and wait for its reply.
	 * @param firstDeadline the deadline of the first attempt
	 * @return the reply's payload frames
	 * @throws ZmqRequestTimeoutException if no attempt got a reply in time
	 * @throws InterruptedException if interrupted (the sockets are then not reusable)
	 */
	ZmqFrames exchange(long firstDeadline) throws InterruptedException {
		this.reusable = false;
		try {
			long deadline = firstDeadline;
			for (int attempt = 1;; attempt++) {
				TemplateSocket target = this.sockets.awaitReady(deadline);
				if (target != null && !send(target, deadline)) {
					target = null;
				}
				List<byte[]> reply = awaitReply(target, deadline);
				if (reply != null) {
					this.counters.replyReceived(reply, 2);
					this.reusable = true;
					return FrameIo.payload(reply);
				}
				if (attempt >= this.maxAttempts) {
					this.counters.timedOut();
					this.reusable = true;
					String name = this.sockets.endpoint.name();
					throw new ZmqRequestTimeoutException(name, this.timeout, attempt,
							ZmqRequestTimeoutException.describe(name, this.timeout, attempt)
									+ this.sockets.refusals().hint(name, this.timeout.multipliedBy(attempt)));
				}
				this.counters.retried();
				if (target != null && this.sockets.replace(target)) {
					this.earlier.add(target);
				}
				if (logger.isDebugEnabled()) {
					logger.debug("Retrying request " + this.correlationId + " (attempt " + (attempt + 1) + " of "
							+ this.maxAttempts + ") on " + this.sockets.describe());
				}
				deadline = System.nanoTime() + this.timeout.toNanos();
			}
		}
		finally {
			for (TemplateSocket replaced : this.earlier) {
				replaced.socket.setLinger(0);
				EndpointSockets.closeQuietly(replaced.socket, this.sockets);
			}
		}
	}

	/**
	 * Return whether the sockets may serve the next call.
	 * @return {@code false} after an interruption or a failure mid-call
	 */
	boolean reusable() {
		return this.reusable;
	}

	private boolean send(TemplateSocket target, long deadline) {
		if (FrameIo.trySendRequest(target.socket, this.correlationId, this.frames)) {
			this.counters.sent(this.frames);
			return true;
		}
		// the connection's queue is full (requests of earlier calls to a stalled peer)
		long millis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
		if (millis > 0 && FrameIo.sendBlocking(target.socket, FrameIo.requestEnvelope(this.correlationId, this.frames),
				millis)) {
			this.counters.sent(this.frames);
			return true;
		}
		return false;
	}

	private @Nullable List<byte[]> awaitReply(@Nullable TemplateSocket target, long deadline) {
		if (this.earlier.isEmpty()) {
			return (target != null) ? receive(target, deadline) : null;
		}
		return pollAll(target, deadline);
	}

	/** Wait on one socket: JeroMQ's own blocking receive, as a plain REQ socket does. */
	private @Nullable List<byte[]> receive(TemplateSocket socket, long deadline) {
		while (true) {
			long millis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime() + 999_999);
			if (millis <= 0) {
				return null;
			}
			socket.receiveTimeout((int) Math.min(Integer.MAX_VALUE, millis));
			List<byte[]> frames = FrameIo.receive(socket.socket, 0);
			if (frames == null) {
				return null;
			}
			if (isOurs(frames)) {
				return frames;
			}
		}
	}

	/** Wait on the current socket and the ones replaced by retries. */
	private @Nullable List<byte[]> pollAll(@Nullable TemplateSocket target, long deadline) {
		List<ZMQ.Socket> watched = new ArrayList<>(this.earlier.size() + 1);
		if (target != null) {
			watched.add(target.socket);
		}
		this.earlier.forEach((socket) -> watched.add(socket.socket));
		ZMQ.PollItem[] items = new ZMQ.PollItem[watched.size()];
		for (int i = 0; i < items.length; i++) {
			items[i] = new ZMQ.PollItem(watched.get(i), ZMQ.Poller.POLLIN);
		}
		try (Selector selector = Selector.open()) {
			while (true) {
				for (ZMQ.Socket socket : watched) {
					List<byte[]> frames;
					while ((frames = FrameIo.receive(socket, ZMQ.DONTWAIT)) != null) {
						if (isOurs(frames)) {
							return frames;
						}
					}
				}
				long millis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime() + 999_999);
				if (millis <= 0) {
					return null;
				}
				ZMQ.poll(selector, items, millis);
			}
		}
		catch (IOException ex) {
			throw new ZmqSendException("Cannot wait for the reply from " + this.sockets.describe(), ex);
		}
	}

	private boolean isOurs(List<byte[]> frames) {
		if (!FrameIo.isReplyEnvelope(frames)) {
			// a misbehaving server sends these at its own pace: at most one line per
			// interval
			invalidReplyLog.warn(logger, this.sockets.describe(), () -> "Discarding a reply of " + frames.size()
					+ " frame(s) without a valid envelope on " + this.sockets.describe(), null);
			return false;
		}
		if (FrameIo.idOf(frames) != this.correlationId) {
			if (logger.isDebugEnabled()) {
				logger.debug("Discarding a late reply on " + this.sockets.describe());
			}
			return false;
		}
		return true;
	}

}

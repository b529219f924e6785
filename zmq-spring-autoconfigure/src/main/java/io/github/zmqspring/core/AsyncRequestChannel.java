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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

import io.github.zmqspring.support.LogRateLimiter;

/**
 * The shared DEALER sockets of one endpoint for {@code requestAsync} (and for every
 * request to an endpoint that binds, which can have one socket only). Callers send on
 * their own thread under the channel's lock, and then read whatever replies have arrived;
 * replies nobody is there to read wake the template's background thread. Futures are
 * completed by the thread that read the reply, after the lock is released, without a
 * further hand-off.
 */
final class AsyncRequestChannel implements TemplateWatcher.Timed {

	private static final Log logger = LogFactory.getLog(AsyncRequestChannel.class);

	private final LogRateLimiter invalidReplyLog = new LogRateLimiter();

	final ZmqEndpoint endpoint;

	private final ZmqTemplateCounters counters;

	private final ZmqSocketFactory socketFactory;

	private final TemplateWatcher watcher;

	private final int backlogCapacity;

	private final ReentrantLock lock = new ReentrantLock();

	// state below is guarded by the lock

	private @Nullable EndpointSockets sockets;

	private final Map<Integer, PendingRequest> pending = new HashMap<>();

	private final PriorityQueue<PendingRequest> deadlines = new PriorityQueue<>(
			Comparator.comparingLong((PendingRequest request) -> request.deadlineNanos));

	/** Requests no socket took yet (no ready connection, or high-water mark reached). */
	private final ArrayDeque<PendingRequest> backlog = new ArrayDeque<>();

	private boolean closed;

	/** Whether the last {@link #drain} read any message. */
	private boolean readAny;

	AsyncRequestChannel(ZmqEndpoint endpoint, ZmqTemplateCounters counters, ZmqSocketFactory socketFactory,
			TemplateWatcher watcher, int backlogCapacity) {
		this.endpoint = endpoint;
		this.counters = counters;
		this.socketFactory = socketFactory;
		this.watcher = watcher;
		this.backlogCapacity = backlogCapacity;
	}

	/**
	 * Send a request on the calling thread, or queue it until a connection is ready.
	 * @param request the request
	 * @throws ZmqSendException if the template is closed or too many requests wait
	 * @throws ZmqBindException if the endpoint's sockets cannot be opened
	 */
	void send(PendingRequest request) {
		if (Thread.currentThread().isInterrupted()) {
			// JeroMQ fails every call of an interrupted thread (EINTR) and clears its
			// flag
			throw new ZmqSendException("Interrupted before sending a request to " + describe());
		}
		List<PendingRequest> completed;
		this.lock.lock();
		try {
			if (this.closed) {
				throw new ZmqSendException("ZmqTemplate is closed");
			}
			EndpointSockets open = open();
			pruneDeadlines();
			if (!this.backlog.isEmpty() || !trySend(open, request)) {
				if (this.backlog.size() >= this.backlogCapacity) {
					throw new ZmqSendException("Could not queue a request for " + describe() + ": "
							+ this.backlogCapacity + " requests already wait for a ready connection");
				}
				request.queued = true;
				this.backlog.add(request);
			}
			this.pending.put(request.correlationId, request);
			this.deadlines.add(request);
			completed = drain(open);
		}
		catch (ZMQException ex) {
			throw new ZmqSendException("Could not send a request to " + describe(), ex);
		}
		finally {
			this.lock.unlock();
		}
		complete(completed);
		this.watcher.wakeBy(request.deadlineNanos);
	}

	private ZmqRequestTimeoutException timedOut(PendingRequest request) {
		String name = this.endpoint.name();
		EndpointSockets open = this.sockets;
		String hint = (open != null) ? open.refusals().hint(name, request.timeout.multipliedBy(request.attempt)) : "";
		return new ZmqRequestTimeoutException(name, request.timeout, request.attempt,
				ZmqRequestTimeoutException.describe(name, request.timeout, request.attempt) + hint);
	}

	private EndpointSockets open() {
		EndpointSockets open = this.sockets;
		if (open == null) {
			open = EndpointSockets.open(this.socketFactory, SocketType.DEALER, this.endpoint,
					() -> this.watcher.execute(this::service));
			this.sockets = open;
			for (TemplateSocket socket : open.sockets()) {
				this.watcher.watch(socket.socket.getFD(), this::service);
			}
			this.watcher.register(this);
		}
		return open;
	}

	private boolean trySend(EndpointSockets open, PendingRequest request) {
		int count = open.sockets().length;
		for (int i = 0; i < count; i++) {
			TemplateSocket socket = open.nextReady();
			if (socket == null) {
				return false;
			}
			if (FrameIo.trySendRequest(socket.socket, request.correlationId, request.frames)) {
				this.counters.sent(request.frames);
				return true;
			}
		}
		return false;
	}

	/**
	 * Read every reply that has arrived and send what waits; on the background thread
	 * when a socket signals or a connection changes.
	 * @return whether anything was read or sent
	 */
	private boolean service() {
		List<PendingRequest> completed;
		boolean progress;
		this.lock.lock();
		try {
			EndpointSockets open = this.sockets;
			if (open == null || this.closed) {
				return false;
			}
			completed = drain(open);
			progress = this.readAny | flushBacklog(open);
		}
		finally {
			this.lock.unlock();
		}
		complete(completed);
		return progress;
	}

	private @Nullable List<PendingRequest> drain(EndpointSockets open) {
		List<PendingRequest> completed = null;
		this.readAny = false;
		for (TemplateSocket socket : open.sockets()) {
			List<byte[]> frames;
			while ((frames = FrameIo.receive(socket.socket, ZMQ.DONTWAIT)) != null) {
				this.readAny = true;
				PendingRequest request = matching(frames);
				if (request != null) {
					this.counters.replyReceived(frames, 2);
					request.reply = FrameIo.payload(frames);
					completed = finish(request, completed);
				}
			}
		}
		return completed;
	}

	private @Nullable PendingRequest matching(List<byte[]> frames) {
		if (!FrameIo.isReplyEnvelope(frames)) {
			// a misbehaving server sends these at its own pace: at most one line per
			// interval
			this.invalidReplyLog.warn(logger, describe(), () -> "Discarding a reply of " + frames.size()
					+ " frame(s) without a valid envelope on " + describe(), null);
			return null;
		}
		PendingRequest request = this.pending.remove(FrameIo.idOf(frames));
		if (request == null && logger.isDebugEnabled()) {
			logger.debug("Discarding a late reply on " + describe());
		}
		return request;
	}

	private List<PendingRequest> finish(PendingRequest request, @Nullable List<PendingRequest> completed) {
		request.done = true;
		if (request.queued) {
			request.queued = false;
			this.backlog.remove(request);
		}
		List<PendingRequest> list = (completed != null) ? completed : new ArrayList<>(4);
		list.add(request);
		return list;
	}

	private boolean flushBacklog(EndpointSockets open) {
		boolean progress = false;
		PendingRequest next;
		while ((next = this.backlog.peek()) != null && trySend(open, next)) {
			this.backlog.poll();
			next.queued = false;
			progress = true;
		}
		return progress;
	}

	private static void complete(@Nullable List<PendingRequest> completed) {
		if (completed != null) {
			for (PendingRequest request : completed) {
				request.complete();
			}
		}
	}

	/** Drop answered requests from the head of the deadline queue. */
	private void pruneDeadlines() {
		PendingRequest head;
		while ((head = this.deadlines.peek()) != null && head.done) {
			this.deadlines.poll();
		}
	}

	@Override
	public long nextDeadline() {
		this.lock.lock();
		try {
			pruneDeadlines();
			PendingRequest head = this.deadlines.peek();
			return (head != null) ? head.deadlineNanos : TemplateWatcher.NO_DEADLINE;
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public void expire(long now) {
		List<PendingRequest> completed = null;
		this.lock.lock();
		try {
			PendingRequest next;
			while ((next = this.deadlines.peek()) != null && next.deadlineNanos - now <= 0) {
				this.deadlines.poll();
				if (next.done) {
					continue;
				}
				if (next.attempt < next.maxAttempts) {
					retry(next, now);
				}
				else {
					this.pending.remove(next.correlationId);
					this.counters.timedOut();
					next.failure = timedOut(next);
					completed = finish(next, completed);
				}
			}
		}
		finally {
			this.lock.unlock();
		}
		complete(completed);
	}

	/**
	 * Send a request whose attempt timed out again, with the same correlation id, on the
	 * next ready connection; a request that was never sent keeps its place in the
	 * backlog.
	 */
	private void retry(PendingRequest request, long now) {
		request.attempt++;
		this.counters.retried();
		request.deadlineNanos = now + request.timeout.toNanos();
		this.deadlines.add(request);
		if (logger.isDebugEnabled()) {
			logger.debug("Retrying request " + request.correlationId + " (attempt " + request.attempt + " of "
					+ request.maxAttempts + ") on " + describe());
		}
		EndpointSockets open = this.sockets;
		if (!request.queued && open != null && (!this.backlog.isEmpty() || !trySend(open, request))) {
			request.queued = true;
			this.backlog.add(request);
		}
	}

	/**
	 * Fail what is pending and close the sockets (keeping their linger).
	 */
	void close() {
		List<PendingRequest> completed = new ArrayList<>();
		this.lock.lock();
		try {
			this.closed = true;
			ZmqSendException closedBeforeReply = new ZmqSendException("ZmqTemplate closed before the reply arrived");
			for (PendingRequest request : this.pending.values()) {
				request.done = true;
				request.failure = closedBeforeReply;
				completed.add(request);
			}
			this.pending.clear();
			this.backlog.clear();
			this.deadlines.clear();
			if (this.sockets != null) {
				this.sockets.close();
				this.sockets = null;
			}
		}
		finally {
			this.lock.unlock();
		}
		complete(completed);
	}

	String describe() {
		return "DEALER socket of endpoint '" + this.endpoint.name() + "' (" + this.endpoint.describeAddresses() + ")";
	}

}

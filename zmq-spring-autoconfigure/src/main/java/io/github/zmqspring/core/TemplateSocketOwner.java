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
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

import io.github.zmqspring.convert.ZmqFrames;

/**
 * The single thread that owns every socket of a {@link ZmqTemplate}. Callers hand it work
 * through a queue and wake it through a pipe the poller watches, so it sleeps while there
 * is nothing to do and no socket is ever touched by two threads.
 * <p>
 * Requests go out on a DEALER socket as {@code [correlation id][empty][payload...]},
 * which any REP socket (or a ROUTER/DEALER broker in front of one) answers with the same
 * envelope; that is how concurrent callers each get their own reply and how a late reply
 * is recognised and dropped.
 */
final class TemplateSocketOwner implements Runnable {

	private static final Log logger = LogFactory.getLog(TemplateSocketOwner.class);

	private static final byte[] EMPTY = new byte[0];

	private final ZmqSocketFactory socketFactory;

	private final ConcurrentLinkedQueue<Object> commands = new ConcurrentLinkedQueue<>();

	private final AtomicBoolean sleeping = new AtomicBoolean();

	private final Pipe wakePipe;

	private final ByteBuffer wakeByte = ByteBuffer.allocate(1);

	private final Thread thread;

	private volatile boolean closeRequested;

	// state below is confined to the I/O thread

	private final List<OutboundChannel> channels = new ArrayList<>();

	private final Map<Integer, PendingRequest> pending = new HashMap<>();

	private final PriorityQueue<PendingRequest> deadlines = new PriorityQueue<>(
			Comparator.comparingLong((PendingRequest request) -> request.deadlineNanos));

	private final ByteBuffer drainBuffer = ByteBuffer.allocate(64);

	private ZMQ.@Nullable Poller poller;

	private boolean pollerStale = true;

	private int nextCorrelationId;

	TemplateSocketOwner(ZmqSocketFactory socketFactory, String threadName) {
		this.socketFactory = socketFactory;
		try {
			this.wakePipe = Pipe.open();
			this.wakePipe.source().configureBlocking(false);
			this.wakePipe.sink().configureBlocking(false);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot open the template's wake-up pipe", ex);
		}
		this.thread = new Thread(this, threadName);
		// the template alone must not keep the JVM alive; the context's shutdown closes
		// it
		this.thread.setDaemon(true);
		this.thread.start();
	}

	void submit(Object command) {
		if (this.closeRequested) {
			throw new ZmqSendException("ZmqTemplate is closed");
		}
		this.commands.offer(command);
		wake();
	}

	private void wake() {
		if (this.sleeping.get() && this.sleeping.compareAndSet(true, false)) {
			try {
				synchronized (this.wakeByte) {
					this.wakeByte.clear();
					this.wakePipe.sink().write(this.wakeByte);
				}
			}
			catch (IOException ex) {
				logger.debug("Could not wake the template I/O thread", ex);
			}
		}
	}

	/**
	 * Flush what callers queued, close the sockets on the I/O thread and wait for it.
	 * @param timeout how long to wait for the thread
	 * @return whether the thread ended in time
	 */
	boolean close(Duration timeout) {
		this.closeRequested = true;
		this.sleeping.set(true);
		wake();
		try {
			this.thread.join(Math.max(1, timeout.toMillis()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return !this.thread.isAlive();
	}

	@Override
	public void run() {
		try {
			loop();
		}
		catch (ZMQException ex) {
			if (ex.getErrorCode() != zmq.ZError.ETERM) {
				logger.error("Template I/O thread failed", ex);
			}
		}
		catch (RuntimeException | Error ex) {
			logger.error("Template I/O thread failed", ex);
		}
		finally {
			shutdown();
		}
	}

	private void loop() {
		while (true) {
			runCommands();
			if (this.closeRequested && this.commands.isEmpty()) {
				return;
			}
			long waitMillis = expireRequests();
			if (this.pollerStale) {
				rebuildPoller();
			}
			this.sleeping.set(true);
			if (!this.commands.isEmpty() || this.closeRequested) {
				this.sleeping.set(false);
				continue;
			}
			this.poller.poll(waitMillis);
			this.sleeping.set(false);
			drainWakePipe();
			serviceSockets();
		}
	}

	private void runCommands() {
		Object command;
		while ((command = this.commands.poll()) != null) {
			try {
				if (command instanceof PendingRequest request) {
					startRequest(request);
				}
				else {
					Send send = (Send) command;
					enqueueOrSend(send.channel(), send.frames());
				}
			}
			catch (RuntimeException ex) {
				if (ex instanceof ZMQException zmqException && zmqException.getErrorCode() == zmq.ZError.ETERM) {
					throw ex;
				}
				fail(command, ex);
			}
		}
	}

	private void fail(Object command, RuntimeException ex) {
		if (command instanceof PendingRequest request) {
			this.pending.remove(request.correlationId);
			this.deadlines.remove(request);
			request.future.completeExceptionally(ex);
		}
		else {
			Send send = (Send) command;
			send.channel().permits.release();
			if (send.channel().opened.isCompletedExceptionally()) {
				// the caller waiting for the socket to open gets this failure as an
				// exception
				logger.debug("Could not open " + send.channel().describe(), ex);
			}
			else {
				logger.error("Could not send a message on " + send.channel().describe(), ex);
			}
		}
	}

	private void startRequest(PendingRequest request) {
		request.correlationId = this.nextCorrelationId++;
		this.pending.put(request.correlationId, request);
		this.deadlines.add(request);
		enqueueOrSend(request.channel, request);
	}

	private void enqueueOrSend(OutboundChannel channel, Object message) {
		ZMQ.Socket socket = socketFor(channel);
		if (!channel.backlog.isEmpty() || !trySend(socket, message)) {
			if (channel.backlog.isEmpty()) {
				this.pollerStale = true;
			}
			channel.backlog.add(message);
		}
		else if (message instanceof ZmqFrames) {
			channel.permits.release();
		}
	}

	private boolean trySend(ZMQ.Socket socket, Object message) {
		if (message instanceof PendingRequest request) {
			if (!socket.send(correlationFrame(request.correlationId), ZMQ.SNDMORE | ZMQ.DONTWAIT)) {
				return false;
			}
			socket.send(EMPTY, ZMQ.SNDMORE | ZMQ.DONTWAIT);
			sendFrames(socket, request.frames, 0);
			return true;
		}
		ZmqFrames frames = (ZmqFrames) message;
		int last = frames.size() - 1;
		if (!socket.send(frames.frame(0), ZMQ.DONTWAIT | ((last > 0) ? ZMQ.SNDMORE : 0))) {
			return false;
		}
		if (last > 0) {
			sendFrames(socket, frames, 1);
		}
		return true;
	}

	private static void sendFrames(ZMQ.Socket socket, ZmqFrames frames, int from) {
		// once the first frame is accepted the rest of the message is too (multipart is
		// atomic)
		int last = frames.size() - 1;
		for (int i = from; i <= last; i++) {
			socket.send(frames.frame(i), ZMQ.DONTWAIT | ((i < last) ? ZMQ.SNDMORE : 0));
		}
	}

	private ZMQ.Socket socketFor(OutboundChannel channel) {
		ZMQ.Socket socket = channel.socket;
		if (socket == null) {
			try {
				socket = this.socketFactory.open(channel.type, channel.endpoint,
						"ZmqTemplate " + channel.type + " socket for endpoint '" + channel.endpoint.name() + "'",
						(bound) -> logger.info("ZmqTemplate " + channel.type + " socket bound " + bound));
			}
			catch (RuntimeException ex) {
				channel.opened.completeExceptionally(ex);
				throw ex;
			}
			channel.opened.complete(null);
			channel.socket = socket;
			this.channels.add(channel);
			if (channel.type == SocketType.DEALER) {
				this.pollerStale = true;
			}
		}
		return socket;
	}

	private void rebuildPoller() {
		if (this.poller != null) {
			this.poller.close();
		}
		this.poller = this.socketFactory.getContext().createPoller(this.channels.size() + 1);
		this.poller.register(this.wakePipe.source(), ZMQ.Poller.POLLIN);
		for (OutboundChannel channel : this.channels) {
			int events = (channel.type == SocketType.DEALER) ? ZMQ.Poller.POLLIN : 0;
			if (!channel.backlog.isEmpty()) {
				events |= ZMQ.Poller.POLLOUT;
			}
			channel.pollIndex = (events != 0) ? this.poller.register(channel.socket, events) : -1;
		}
		this.pollerStale = false;
	}

	private void serviceSockets() {
		for (OutboundChannel channel : this.channels) {
			if (channel.pollIndex < 0) {
				continue;
			}
			if (this.poller.pollin(channel.pollIndex)) {
				readReplies(channel);
			}
			if (this.poller.pollout(channel.pollIndex)) {
				flushBacklog(channel);
			}
		}
	}

	private void flushBacklog(OutboundChannel channel) {
		ZMQ.Socket socket = channel.socket;
		Object message;
		while ((message = channel.backlog.peek()) != null) {
			if (!trySend(socket, message)) {
				return;
			}
			channel.backlog.poll();
			if (message instanceof ZmqFrames) {
				channel.permits.release();
			}
		}
		this.pollerStale = true;
	}

	private void readReplies(OutboundChannel channel) {
		ZMQ.Socket socket = channel.socket;
		byte[] first;
		while ((first = socket.recv(ZMQ.DONTWAIT)) != null) {
			List<byte[]> frames = new ArrayList<>(3);
			frames.add(first);
			while (socket.hasReceiveMore()) {
				frames.add(socket.recv(0));
			}
			completeReply(channel, frames);
		}
	}

	private void completeReply(OutboundChannel channel, List<byte[]> frames) {
		if (frames.size() < 3 || frames.get(0).length != 4 || frames.get(1).length != 0) {
			logger.warn("Discarding a reply of " + frames.size() + " frame(s) without a valid envelope on "
					+ channel.describe());
			return;
		}
		PendingRequest request = this.pending.remove(ByteBuffer.wrap(frames.get(0)).getInt());
		if (request == null) {
			if (logger.isDebugEnabled()) {
				logger.debug("Discarding a late reply on " + channel.describe());
			}
			return;
		}
		this.deadlines.remove(request);
		request.future.complete(ZmqFrames.of(frames.subList(2, frames.size())));
	}

	/**
	 * Fail the requests whose time is up.
	 * @return milliseconds until the next deadline, or -1 for none
	 */
	private long expireRequests() {
		PendingRequest next;
		long now = System.nanoTime();
		while ((next = this.deadlines.peek()) != null && next.deadlineNanos - now <= 0) {
			this.deadlines.poll();
			this.pending.remove(next.correlationId);
			if (next.channel.backlog.remove(next) && next.channel.backlog.isEmpty()) {
				this.pollerStale = true;
			}
			next.future
				.completeExceptionally(new ZmqRequestTimeoutException(next.channel.endpoint.name(), next.timeout));
		}
		return (next != null) ? Math.max(1, TimeUnit.NANOSECONDS.toMillis(next.deadlineNanos - now) + 1) : -1;
	}

	private void drainWakePipe() {
		try {
			while (this.wakePipe.source().read(this.drainBuffer) > 0) {
				this.drainBuffer.clear();
			}
		}
		catch (IOException ex) {
			logger.debug("Could not drain the template wake-up pipe", ex);
		}
	}

	private void shutdown() {
		this.closeRequested = true;
		ZmqSendException closed = new ZmqSendException("ZmqTemplate closed before the reply arrived");
		for (PendingRequest request : this.pending.values()) {
			request.future.completeExceptionally(closed);
		}
		this.pending.clear();
		Object command;
		while ((command = this.commands.poll()) != null) {
			if (command instanceof PendingRequest request) {
				request.future.completeExceptionally(closed);
			}
		}
		for (OutboundChannel channel : this.channels) {
			long dropped = channel.backlog.stream().filter(ZmqFrames.class::isInstance).count();
			if (dropped > 0) {
				logger.warn("Dropping " + dropped + " message(s) that no peer accepted on " + channel.describe());
			}
			try {
				// close(), not destroySocket(): keeps the socket's linger so queued
				// messages are flushed
				channel.socket.close();
			}
			catch (RuntimeException ex) {
				logger.debug("Could not close " + channel.describe(), ex);
			}
		}
		if (this.poller != null) {
			this.poller.close();
		}
		try {
			this.wakePipe.source().close();
			this.wakePipe.sink().close();
		}
		catch (IOException ex) {
			logger.debug("Could not close the template wake-up pipe", ex);
		}
	}

	private static byte[] correlationFrame(int id) {
		return new byte[] { (byte) (id >>> 24), (byte) (id >>> 16), (byte) (id >>> 8), (byte) id };
	}

	/**
	 * A one-way message (publish or push) for a channel.
	 *
	 * @param channel the channel
	 * @param frames the frames
	 */
	record Send(OutboundChannel channel, ZmqFrames frames) {
	}

}

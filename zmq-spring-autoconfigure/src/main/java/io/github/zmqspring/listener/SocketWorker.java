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

package io.github.zmqspring.listener;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

import io.github.zmqspring.convert.ZmqFrames;
import io.github.zmqspring.support.SocketThread;

/**
 * One thread that owns one socket for its whole life: opens it, receives and processes
 * one message at a time, and closes it. It blocks in {@code recv} (no polling loop, so an
 * idle listener costs no CPU) and is stopped through JeroMQ's cancellation token.
 * <p>
 * Either it owns the socket facing peers (a listener with one thread), or it sits behind
 * a {@link SocketProxy} as a DEALER: it announces itself with one empty frame, then
 * answers every message it is given with the reply frames, or one empty frame when there
 * is no reply, which tells the proxy it is idle again.
 * <p>
 * Only the listener method may be interrupted ({@link #interruptHandler()}, for a handler
 * timeout): the interrupt is delivered only while the thread is inside the method, and
 * cleared before the thread touches its socket again, because an interrupt inside a
 * JeroMQ call can close the socket's internal channels.
 */
final class SocketWorker extends SocketThread {

	private static final Log logger = LogFactory.getLog(SocketWorker.class);

	private static final byte[] EMPTY = new byte[0];

	/**
	 * Handles one received message on the worker's thread.
	 */
	@FunctionalInterface
	interface FrameProcessor {

		/**
		 * Handle one message.
		 * @param frames the message
		 * @return the reply to send, or {@code null} for none
		 */
		@Nullable ZmqFrames process(ZmqFrames frames);

	}

	/**
	 * What a worker owning the socket facing peers does when it is stopped: detach the
	 * socket from its peers (unbind), then handle what was already received, at most
	 * {@code limit} messages and for at most {@code timeout}.
	 *
	 * @param detach detaches the socket, on the worker's thread
	 * @param limit the most messages to handle
	 * @param timeout how long to keep handling
	 */
	record Drain(Consumer<ZMQ.Socket> detach, int limit, Duration timeout) {
	}

	private final Supplier<ZMQ.Socket> opener;

	private final FrameProcessor processor;

	private final Runnable onReceived;

	private final @Nullable Drain drain;

	private final boolean behindProxy;

	private final @Nullable Consumer<ZmqFrames> rejectEnvelope;

	private final Object handlerLock = new Object();

	private @Nullable Thread handlerThread;

	private volatile boolean stopping;

	private volatile ZMQ.@Nullable CancellationToken token;

	private boolean contextTerminated;

	/**
	 * Create a worker.
	 * @param name the thread name
	 * @param opener opens the socket, called on the worker's thread
	 * @param processor handles each message
	 * @param onReceived called for each message taken from a socket facing peers
	 * @param drain what to do on stop, {@code null} to close right away
	 * @param behindProxy whether the socket is a DEALER connected to a proxy
	 * @param rejectEnvelope for a ROUTER socket facing peers, called for a request
	 * without a valid envelope; {@code null} for other sockets
	 */
	SocketWorker(String name, Supplier<ZMQ.Socket> opener, FrameProcessor processor, Runnable onReceived,
			@Nullable Drain drain, boolean behindProxy, @Nullable Consumer<ZmqFrames> rejectEnvelope) {
		super(name);
		this.rejectEnvelope = rejectEnvelope;
		this.opener = opener;
		this.processor = processor;
		this.onReceived = onReceived;
		this.drain = drain;
		this.behindProxy = behindProxy;
	}

	@Override
	public void requestStop() {
		this.stopping = true;
		ZMQ.CancellationToken current = this.token;
		if (current == null || isTerminated()) {
			return;
		}
		try {
			current.cancel();
		}
		catch (RuntimeException ex) {
			// the thread ended and closed its socket meanwhile: cancelling it fails, and
			// must not keep the other listeners from stopping
			logger.debug("Could not cancel the receive of " + getName(), ex);
		}
	}

	/**
	 * Interrupt the listener method if the thread is inside it right now; otherwise do
	 * nothing. Called from the proxy thread when a handler timeout expires.
	 * @return whether the thread was interrupted
	 */
	boolean interruptHandler() {
		synchronized (this.handlerLock) {
			Thread thread = this.handlerThread;
			if (thread != null) {
				thread.interrupt();
				return true;
			}
			return false;
		}
	}

	@Override
	public void run() {
		ZMQ.Socket socket;
		try {
			socket = this.opener.get();
		}
		catch (RuntimeException ex) {
			failedToStart(ex);
			return;
		}
		try {
			ZMQ.CancellationToken cancellation = socket.createCancellationToken();
			this.token = cancellation;
			if (this.behindProxy) {
				// tells the proxy this worker is idle
				socket.send(EMPTY, 0);
			}
			ready();
			serve(socket, cancellation);
			if (this.drain != null && !this.contextTerminated) {
				drain(socket, this.drain);
			}
		}
		catch (ZMQException ex) {
			if (!this.stopping && ex.getErrorCode() != zmq.ZError.ETERM) {
				logger.error("Listener thread " + getName() + " stopped on a socket error", ex);
			}
		}
		catch (RuntimeException | Error ex) {
			logger.error("Listener thread " + getName() + " stopped on an unexpected error", ex);
		}
		finally {
			close(socket);
			terminated();
		}
	}

	private void serve(ZMQ.Socket socket, ZMQ.CancellationToken cancellation) {
		while (!this.stopping) {
			ZmqFrames frames = receive(socket, cancellation, 0);
			if (frames != null) {
				handle(socket, frames);
			}
			else if (this.stopping || this.contextTerminated) {
				return;
			}
			else {
				// nobody asked this listener to stop: keep serving rather than end
				// quietly
				logger.warn("Listener thread " + getName() + " was woken without a message (errno " + socket.errno()
						+ "); it goes on receiving");
				cancellation.reset();
			}
		}
	}

	private void drain(ZMQ.Socket socket, Drain drain) {
		try {
			drain.detach().accept(socket);
		}
		catch (RuntimeException ex) {
			logger.debug("Could not detach the socket of " + getName() + " from its peers", ex);
		}
		long deadline = System.nanoTime() + drain.timeout().toNanos();
		int handled = 0;
		while (handled < drain.limit()) {
			if (System.nanoTime() - deadline >= 0) {
				logger.warn("Listener thread " + getName() + " stopped handling its received messages after " + handled
						+ " at the shutdown timeout; the rest are discarded");
				return;
			}
			ZmqFrames frames = receive(socket, null, ZMQ.DONTWAIT);
			if (frames == null) {
				return;
			}
			handle(socket, frames);
			handled++;
		}
	}

	private void handle(ZMQ.Socket socket, ZmqFrames frames) {
		if (!this.behindProxy) {
			this.onReceived.run();
		}
		if (this.rejectEnvelope != null) {
			Envelope request = Envelope.split(frames);
			if (request == null) {
				this.rejectEnvelope.accept(frames);
				return;
			}
			ZmqFrames reply = invoke(request.body());
			if (reply != null) {
				send(socket, request.envelope(), ZMQ.SNDMORE);
				send(socket, reply, 0);
			}
			return;
		}
		ZmqFrames reply = invoke(frames);
		if (reply != null) {
			send(socket, reply, 0);
		}
		else if (this.behindProxy) {
			socket.send(EMPTY, 0);
		}
	}

	private @Nullable ZmqFrames invoke(ZmqFrames frames) {
		synchronized (this.handlerLock) {
			this.handlerThread = Thread.currentThread();
		}
		try {
			return this.processor.process(frames);
		}
		finally {
			synchronized (this.handlerLock) {
				this.handlerThread = null;
			}
			// an interrupt meant for the method must never reach a JeroMQ call
			Thread.interrupted();
		}
	}

	private static void send(ZMQ.Socket socket, ZmqFrames frames, int lastFlags) {
		int last = frames.size() - 1;
		for (int i = 0; i <= last; i++) {
			socket.send(frames.frame(i), (i < last) ? ZMQ.SNDMORE : lastFlags);
		}
	}

	private @Nullable ZmqFrames receive(ZMQ.Socket socket, ZMQ.@Nullable CancellationToken cancellation, int flags) {
		byte[] first;
		try {
			first = (cancellation != null) ? socket.recv(flags, cancellation) : socket.recv(flags);
		}
		catch (ZMQException ex) {
			if (isStopSignal(ex)) {
				this.contextTerminated |= ex.getErrorCode() == zmq.ZError.ETERM;
				return null;
			}
			throw ex;
		}
		if (first == null) {
			return null;
		}
		if (!socket.hasReceiveMore()) {
			return ZmqFrames.of(first);
		}
		List<byte[]> frames = new ArrayList<>(4);
		frames.add(first);
		while (socket.hasReceiveMore()) {
			frames.add(socket.recv(0));
		}
		return ZmqFrames.of(frames);
	}

	private void close(ZMQ.Socket socket) {
		try {
			socket.close();
		}
		catch (RuntimeException ex) {
			logger.debug("Could not close the socket of " + getName(), ex);
		}
	}

	private static boolean isStopSignal(ZMQException ex) {
		int code = ex.getErrorCode();
		return code == zmq.ZError.ECANCELED || code == zmq.ZError.ETERM || code == zmq.ZError.EINTR;
	}

}

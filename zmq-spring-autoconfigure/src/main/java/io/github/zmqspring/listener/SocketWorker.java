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

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

import io.github.zmqspring.convert.ZmqFrames;

/**
 * One thread that owns one socket for its whole life: opens it, receives and processes
 * one message at a time, and closes it. It blocks in {@code recv} (no polling loop, so an
 * idle listener costs no CPU) and is stopped through JeroMQ's cancellation token, never
 * by an interrupt.
 */
final class SocketWorker extends SocketThread {

	private static final Log logger = LogFactory.getLog(SocketWorker.class);

	/**
	 * Handles one received message on the worker's thread.
	 */
	@FunctionalInterface
	interface FrameProcessor {

		void process(ZMQ.Socket socket, ZmqFrames frames);

	}

	private final Supplier<ZMQ.Socket> opener;

	private final FrameProcessor processor;

	private final boolean drainOnStop;

	private volatile boolean stopping;

	private volatile ZMQ.@Nullable CancellationToken token;

	private boolean contextTerminated;

	/**
	 * Create a worker.
	 * @param name the thread name
	 * @param opener opens the socket, called on the worker's thread
	 * @param processor handles each message
	 * @param drainOnStop whether to handle what is already queued before stopping (for
	 * workers behind a proxy that has stopped feeding them, so the queue is finite)
	 */
	SocketWorker(String name, Supplier<ZMQ.Socket> opener, FrameProcessor processor, boolean drainOnStop) {
		super(name);
		this.opener = opener;
		this.processor = processor;
		this.drainOnStop = drainOnStop;
	}

	@Override
	void requestStop() {
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
			ready();
			// once cancelled, recv still returns what is queued and then reports the
			// cancellation
			while (this.drainOnStop || !this.stopping) {
				ZmqFrames frames = receive(socket, cancellation);
				if (frames != null) {
					this.processor.process(socket, frames);
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

	private @Nullable ZmqFrames receive(ZMQ.Socket socket, ZMQ.CancellationToken cancellation) {
		byte[] first;
		try {
			first = socket.recv(0, cancellation);
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

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

import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.zeromq.ZMQ;

import io.github.zmqspring.convert.ZmqFrames;
import io.github.zmqspring.support.SocketThread;

/**
 * A listener thread that owns one socket for its whole life and calls the listener method
 * itself. It opens the socket, closes it itself, and never lets another thread touch it:
 * the one cross-thread call, cancelling a waiting receive, is made under the same lock as
 * the close, so it can never reach a socket that is already closed (its mailbox slot may
 * belong to a new socket by then).
 * <p>
 * Only the listener method may be interrupted ({@link #interruptHandler()}, for a handler
 * timeout): the interrupt is delivered only while the thread is inside the method, and
 * cleared before the thread touches its socket again, because an interrupt inside a
 * JeroMQ call closes the internal channels of another socket's mailbox for good.
 */
abstract class ListenerWorker extends SocketThread {

	protected final Log logger = LogFactory.getLog(getClass());

	private final Supplier<ZMQ.Socket> opener;

	private final FrameProcessor processor;

	private final Object socketLock = new Object();

	private final Object handlerLock = new Object();

	private @Nullable Thread handlerThread;

	private ZMQ.@Nullable CancellationToken token;

	private boolean socketClosed;

	private volatile boolean stopping;

	private volatile boolean failed;

	ListenerWorker(String name, Supplier<ZMQ.Socket> opener, FrameProcessor processor) {
		super(name);
		this.opener = opener;
		this.processor = processor;
	}

	@Override
	public final void run() {
		ZMQ.Socket socket;
		ZMQ.CancellationToken cancellation;
		try {
			socket = this.opener.get();
			cancellation = socket.createCancellationToken();
		}
		catch (RuntimeException ex) {
			failedToStart(ex);
			return;
		}
		synchronized (this.socketLock) {
			this.token = cancellation;
		}
		try {
			serve(socket, cancellation);
		}
		catch (Throwable ex) {
			// the method's own failures never get here (the container turns them into
			// error
			// replies); this is the socket or JeroMQ failing under the thread
			if (!this.stopping || !(ex instanceof org.zeromq.ZMQException zmq && FrameIo.isStopSignal(zmq))) {
				this.failed = true;
				this.logger.error("Listener thread " + getName() + " stopped on an unexpected error", ex);
			}
		}
		finally {
			close(socket);
			terminated();
			if (this.failed) {
				died();
			}
		}
	}

	/**
	 * Serve on the open socket until stopped; call {@link #ready()} once serving.
	 * @param socket the socket, owned by this thread
	 * @param cancellation cancels a waiting receive when {@link #requestStop()} is called
	 */
	protected abstract void serve(ZMQ.Socket socket, ZMQ.CancellationToken cancellation);

	/**
	 * Called on this thread after it ended on an unexpected error and closed its socket.
	 */
	protected void died() {
	}

	/**
	 * Set the linger the socket closes with, on this thread before it returns from
	 * {@link #serve}.
	 * @return the linger in milliseconds, or a negative value to keep the socket's own
	 */
	protected long closingLinger() {
		return -1;
	}

	/**
	 * Ask the thread to stop: a waiting receive returns at once.
	 */
	@Override
	public void requestStop() {
		this.stopping = true;
		cancelReceive();
	}

	/**
	 * Cancel the receive the thread waits in, if its socket is still open.
	 */
	protected final void cancelReceive() {
		synchronized (this.socketLock) {
			ZMQ.CancellationToken current = this.token;
			if (current != null && !this.socketClosed) {
				current.cancel();
			}
		}
	}

	/**
	 * Return whether a stop was requested.
	 * @return {@code true} after {@link #requestStop()}
	 */
	protected final boolean isStopping() {
		return this.stopping;
	}

	/**
	 * Mark the thread as stopping from within (for example on the dispatcher's stop
	 * message).
	 */
	protected final void stopping() {
		this.stopping = true;
	}

	/**
	 * Return whether the thread ended on an unexpected error.
	 * @return {@code true} if it died rather than stopped
	 */
	boolean hasFailed() {
		return this.failed;
	}

	/**
	 * Interrupt the listener method if the thread is inside it right now; otherwise do
	 * nothing. Called when a handler timeout expires.
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

	/**
	 * Call the listener method, the only place this thread may be interrupted.
	 * @param frames the message
	 * @return its reply, or {@code null}
	 */
	protected final @Nullable ZmqFrames invoke(ZmqFrames frames) {
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

	private void close(ZMQ.Socket socket) {
		synchronized (this.socketLock) {
			this.socketClosed = true;
			try {
				long linger = closingLinger();
				if (linger >= 0) {
					socket.setLinger(linger);
				}
				socket.close();
			}
			catch (RuntimeException ex) {
				this.logger.debug("Could not close the socket of " + getName(), ex);
			}
		}
	}

}

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

import java.io.IOException;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

import io.github.zmqspring.convert.ZmqFrames;
import io.github.zmqspring.core.ZmqErrorReply;
import io.github.zmqspring.support.ControlledSocketThread;

/**
 * The thread that shares one front socket (bound or connected to peers) among the
 * {@link DispatchedWorker}s of a listener: a message is handed only to an idle worker
 * ({@link DispatchSlots}), everything else stays queued on the front socket, so nothing
 * waits behind a busy or hung worker and the front socket's receive high-water mark
 * bounds what is taken from peers. For a replier it keeps each request's envelope, sends
 * the worker only the body and answers with the envelope plus the worker's reply; a
 * request without a valid envelope cannot be answered and is rejected.
 * <p>
 * Stopping ({@code TERMINATE} on the control socket): a puller's front socket is detached
 * from its peers (unbind) and what it holds is handed out; a replier's stays bound and
 * every request still read is answered ({@link StopAnswers}); requests still owed at the
 * shutdown timeout are answered with {@code 503}. Then every worker is sent
 * {@link DispatchedWorker#STOP} and closes its own socket; the dispatcher closes its
 * sockets only on {@link #close()}, which the container calls once the workers have
 * ended, so the inproc pipes are always closed from the workers' side first and no two
 * threads ever tear down the two ends of a pipe at once.
 */
final class Dispatcher extends ControlledSocketThread {

	private static final byte[] CLOSE = "CLOSE".getBytes(StandardCharsets.US_ASCII);

	private static final String DIED_PREFIX = "DIED ";

	private static final long REPLY_FLUSH_LINGER_MS = 1000;

	private static final int MAX_REFUSALS = 10_000;

	private static final Log logger = LogFactory.getLog(Dispatcher.class);

	/**
	 * What the dispatcher reports to its container.
	 */
	interface Callbacks {

		/**
		 * A message was taken from the front socket.
		 */
		void received();

		/**
		 * A request without a valid envelope was dropped.
		 * @param frames the request, routing frames included
		 */
		void rejectedEnvelope(ZmqFrames frames);

		/**
		 * A handler timed out; its request is answered with an error right after.
		 * @param worker the identity of the worker
		 * @param timeout the handler timeout
		 */
		void timedOut(String worker, Duration timeout);

		/**
		 * Detach the front socket from its peers, on the dispatcher thread.
		 * @param frontend the front socket
		 */
		void detach(ZMQ.Socket frontend);

	}

	private final Supplier<ZMQ.Socket> frontendOpener;

	private final String backendAddress;

	private final boolean replies;

	private final Callbacks callbacks;

	private final DispatchSlots slots;

	private final Duration shutdownTimeout;

	private final int drainLimit;

	/**
	 * Create a dispatcher.
	 * @param name the thread name
	 * @param context the context of every socket
	 * @param frontendOpener opens the front socket, on the dispatcher thread
	 * @param backendAddress the {@code inproc} address the workers connect to
	 * @param replies whether the front socket is a ROUTER whose requests get replies
	 * @param callbacks what the dispatcher reports to
	 * @param handlerTimeout how long a replier's handler may take, {@code null} for no
	 * limit
	 * @param shutdownTimeout how long stopping may hand out what was received
	 * @param drainLimit the most messages to hand out when stopping
	 */
	Dispatcher(String name, ZContext context, Supplier<ZMQ.Socket> frontendOpener, String backendAddress,
			boolean replies, Callbacks callbacks, @Nullable Duration handlerTimeout, Duration shutdownTimeout,
			int drainLimit) {
		super(name, context, backendAddress + "-control");
		this.frontendOpener = frontendOpener;
		this.backendAddress = backendAddress;
		this.replies = replies;
		this.callbacks = callbacks;
		this.slots = new DispatchSlots(replies, handlerTimeout, callbacks::timedOut);
		this.shutdownTimeout = shutdownTimeout;
		this.drainLimit = drainLimit;
	}

	/**
	 * Tell the dispatcher, from any thread, that a worker died: its request is answered
	 * with {@code 500} and it gets no more work.
	 * @param identity the worker's routing id
	 */
	void workerDied(String identity) {
		sendControl((DIED_PREFIX + identity).getBytes(StandardCharsets.ISO_8859_1));
	}

	/**
	 * Tell the dispatcher, from any thread, that its workers have ended: it closes its
	 * sockets and ends.
	 */
	void close() {
		sendControl(CLOSE);
	}

	@Override
	public void run() {
		ZMQ.Socket frontend = null;
		ZMQ.Socket backend = null;
		ZMQ.Socket control = null;
		Selector selector = null;
		try {
			backend = getContext().createSocket(SocketType.ROUTER);
			backend.setLinger(0);
			backend.bind(this.backendAddress);
			control = openControlSocket();
			selector = Selector.open();
			frontend = this.frontendOpener.get();
		}
		catch (RuntimeException | IOException ex) {
			closeAll(selector, frontend, backend, control);
			failedToStart((ex instanceof RuntimeException runtime) ? runtime
					: new IllegalStateException("Could not open a selector for " + getName(), ex));
			return;
		}
		ready();
		try {
			new Routing(selector, frontend, backend, control).run();
		}
		catch (ZMQException ex) {
			if (ex.getErrorCode() != zmq.ZError.ETERM) {
				logger.error("Dispatcher thread " + getName() + " failed", ex);
			}
		}
		catch (RuntimeException | Error ex) {
			logger.error("Dispatcher thread " + getName() + " stopped on an unexpected error", ex);
		}
		finally {
			closeAll(selector, frontend, backend, control);
			terminated();
		}
	}

	private void closeAll(@Nullable Selector selector, ZMQ.@Nullable Socket frontend, ZMQ.@Nullable Socket backend,
			ZMQ.@Nullable Socket control) {
		if (frontend != null && this.replies) {
			// the last replies and refusals are delivered, within a bound
			frontend.setLinger(Math.min(REPLY_FLUSH_LINGER_MS, this.shutdownTimeout.toMillis()));
		}
		for (ZMQ.Socket socket : new ZMQ.Socket[] { frontend, backend, control }) {
			if (socket != null) {
				try {
					socket.close();
				}
				catch (RuntimeException ex) {
					logger.debug("Could not close a socket of " + getName(), ex);
				}
			}
		}
		if (selector != null) {
			try {
				selector.close();
			}
			catch (IOException ex) {
				logger.debug("Could not close the selector of " + getName(), ex);
			}
		}
	}

	/**
	 * The dispatcher's loop: serving, then stopping, then waiting for {@code CLOSE}.
	 */
	private final class Routing {

		private final Selector selector;

		private final ZMQ.Socket frontend;

		private final ZMQ.Socket backend;

		private final ZMQ.Socket control;

		private final ZMQ.PollItem[] items;

		private @Nullable StopAnswers stopping;

		private boolean frontendEmpty;

		private boolean workersStopped;

		private int drained;

		Routing(Selector selector, ZMQ.Socket frontend, ZMQ.Socket backend, ZMQ.Socket control) {
			this.selector = selector;
			this.frontend = frontend;
			this.backend = backend;
			this.control = control;
			this.items = new ZMQ.PollItem[] { new ZMQ.PollItem(control, ZMQ.Poller.POLLIN),
					new ZMQ.PollItem(backend, ZMQ.Poller.POLLIN), new ZMQ.PollItem(frontend, ZMQ.Poller.POLLIN) };
		}

		void run() {
			long stopDeadline = Long.MAX_VALUE;
			while (true) {
				StopAnswers answers = this.stopping;
				if (answers != null && !this.workersStopped) {
					handOut(answers);
					if (isDrained(answers)) {
						this.workersStopped = true;
						Dispatcher.this.slots.stopAll(this.backend);
					}
				}
				boolean takesWork = answers == null && Dispatcher.this.slots.hasIdle();
				long deadline = Dispatcher.this.slots
					.nextDeadline((answers != null && !this.workersStopped) ? stopDeadline : Long.MAX_VALUE);
				if (ZMQ.poll(this.selector, this.items, takesWork ? 3 : 2, pollTimeout(deadline)) < 0) {
					return;
				}
				if (this.items[0].isReadable()) {
					byte[] command = this.control.recv(0);
					if (command != null && Arrays.equals(command, CLOSE)) {
						return;
					}
					if (command != null && isTerminate(command) && this.stopping == null) {
						stopDeadline = System.nanoTime() + Dispatcher.this.shutdownTimeout.toNanos();
						this.stopping = new StopAnswers(stopDeadline);
						if (!Dispatcher.this.replies) {
							Dispatcher.this.callbacks.detach(this.frontend);
						}
					}
					else if (command != null) {
						died(command);
					}
				}
				if (this.items[1].isReadable()) {
					Dispatcher.this.slots.fromWorker(FrameIo.receive(this.backend, 0, null), this.frontend,
							this.backend, this.workersStopped);
				}
				if (takesWork && this.items[2].isReadable()) {
					ZmqFrames message = FrameIo.receive(this.frontend, ZMQ.DONTWAIT, null);
					if (message != null) {
						take(message, null);
					}
				}
				Dispatcher.this.slots.expireHandlers(this.frontend);
			}
		}

		private void died(byte[] command) {
			String text = new String(command, StandardCharsets.ISO_8859_1);
			if (text.startsWith(DIED_PREFIX)) {
				Dispatcher.this.slots.died(text.substring(DIED_PREFIX.length()), this.frontend);
			}
		}

		/**
		 * Take one message from the front socket: hand it to an idle worker, or, while
		 * stopping, answer what is not handled any more with a refusal.
		 */
		private void take(ZmqFrames message, @Nullable StopAnswers answers) {
			Dispatcher.this.callbacks.received();
			if (!Dispatcher.this.replies) {
				Dispatcher.this.slots.dispatch(this.backend, null, message);
				return;
			}
			Envelope split = Envelope.split(message);
			if (split == null) {
				Dispatcher.this.callbacks.rejectedEnvelope(message);
			}
			else if (answers != null && !answers.handles(split.envelope())) {
				FrameIo.reply(this.frontend, split.envelope(), StopAnswers.refusal());
			}
			else {
				Dispatcher.this.slots.dispatch(this.backend, split.envelope(), split.body());
			}
		}

		/**
		 * While stopping, take what the front socket holds as long as a worker is idle: a
		 * puller's up to the drain limit, a replier's answered by {@link StopAnswers}.
		 */
		private void handOut(StopAnswers answers) {
			while (Dispatcher.this.slots.hasIdle() && !answers.isPastDeadline()
					&& (Dispatcher.this.replies || this.drained < Dispatcher.this.drainLimit)) {
				ZmqFrames message = FrameIo.receive(this.frontend, ZMQ.DONTWAIT, null);
				if (message == null) {
					this.frontendEmpty = true;
					return;
				}
				this.drained++;
				take(message, answers);
			}
		}

		private boolean isDrained(StopAnswers answers) {
			if (answers.isPastDeadline()) {
				int owed = Dispatcher.this.slots.owed();
				Dispatcher.this.slots.abandonOwed(this.frontend, ZmqErrorReply.SERVICE_UNAVAILABLE);
				int refused = Dispatcher.this.replies ? refuseWaiting(answers) : 0;
				if (owed > 0 || refused > 0 || (!Dispatcher.this.replies && !this.frontendEmpty)) {
					logger.warn("Dispatcher thread " + getName() + " reached the shutdown timeout with " + owed
							+ " message(s) still being handled"
							+ ((refused > 0)
									? " and " + refused + " waiting; all were answered with 503 Service Unavailable"
									: ""));
				}
				return true;
			}
			boolean nothingLeft = this.frontendEmpty
					|| (!Dispatcher.this.replies && this.drained >= Dispatcher.this.drainLimit);
			return nothingLeft && Dispatcher.this.slots.owed() == 0;
		}

		/**
		 * Answer what still waits on a replier's front socket after the shutdown timeout.
		 */
		private int refuseWaiting(StopAnswers answers) {
			int refused = 0;
			while (refused < MAX_REFUSALS) {
				ZmqFrames message = FrameIo.receive(this.frontend, ZMQ.DONTWAIT, null);
				if (message == null) {
					break;
				}
				take(message, answers);
				refused++;
			}
			return refused;
		}

	}

	private static long pollTimeout(long deadline) {
		if (deadline == Long.MAX_VALUE) {
			return -1;
		}
		// round up, so the poll does not return just before the deadline
		return Math.max(0, (deadline - System.nanoTime() + 999_999) / 1_000_000);
	}

}

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
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

import io.github.zmqspring.convert.ZmqFrames;

/**
 * The thread of a listener with one thread: it owns the socket facing peers (bound or
 * connected), receives one message at a time and calls the method itself, with no
 * hand-off. It blocks in {@code recv} (an idle listener costs no CPU) and is stopped by
 * cancelling that receive.
 * <p>
 * What it does when stopped depends on the listener ({@link StopMode}): a replier keeps
 * its socket bound, so the replies still reach their peers, and answers every request it
 * reads ({@link StopAnswers}); a puller unbinds (no new work arrives) and handles what
 * its socket already holds; a subscriber just closes.
 */
final class FrontendWorker extends ListenerWorker {

	/**
	 * How long the socket keeps trying to deliver its last replies when it closes.
	 */
	private static final long REPLY_FLUSH_LINGER_MS = 1000;

	/**
	 * The most requests refused while stopping before the replier gives up reading.
	 */
	private static final int MAX_REFUSALS = 10_000;

	private final Runnable onReceived;

	private final Stop stop;

	private final @Nullable Consumer<ZmqFrames> rejectEnvelope;

	private boolean contextTerminated;

	/**
	 * Create the thread.
	 * @param name the thread name
	 * @param opener opens the socket facing peers, on this thread
	 * @param processor handles each message (a request without its envelope)
	 * @param onReceived called for each message taken from the socket
	 * @param stop what to do when stopped
	 * @param rejectEnvelope for a replier's ROUTER socket, called for a request without a
	 * valid envelope; {@code null} for other sockets
	 */
	FrontendWorker(String name, Supplier<ZMQ.Socket> opener, FrameProcessor processor, Runnable onReceived, Stop stop,
			@Nullable Consumer<ZmqFrames> rejectEnvelope) {
		super(name, opener, processor);
		this.onReceived = onReceived;
		this.stop = stop;
		this.rejectEnvelope = rejectEnvelope;
	}

	@Override
	protected void serve(ZMQ.Socket socket, ZMQ.CancellationToken cancellation) {
		ready();
		while (!isStopping()) {
			ZmqFrames frames = receive(socket, 0, cancellation);
			if (frames != null) {
				handle(socket, frames);
			}
			else if (isStopping() || this.contextTerminated) {
				break;
			}
			else {
				// nobody asked this listener to stop: keep serving rather than end
				// quietly
				this.logger.warn("Listener thread " + getName() + " was woken without a message (errno "
						+ socket.errno() + "); it goes on receiving");
				cancellation.reset();
			}
		}
		if (this.contextTerminated) {
			return;
		}
		switch (this.stop.mode()) {
			case ANSWER -> answerWhatWasTaken(socket);
			case DRAIN -> drain(socket);
			case CLOSE -> {
			}
		}
	}

	@Override
	protected long closingLinger() {
		return (this.stop.mode() == StopMode.ANSWER) ? Math.min(REPLY_FLUSH_LINGER_MS, this.stop.timeout().toMillis())
				: -1;
	}

	private void handle(ZMQ.Socket socket, ZmqFrames frames) {
		this.onReceived.run();
		if (this.rejectEnvelope == null) {
			invoke(frames);
			return;
		}
		Envelope request = Envelope.split(frames);
		if (request == null) {
			this.rejectEnvelope.accept(frames);
			return;
		}
		ZmqFrames reply = invoke(request.body());
		if (reply != null) {
			FrameIo.reply(socket, request.envelope(), reply);
		}
	}

	/**
	 * A stopping replier: answer every request still read, with its result or a refusal,
	 * until nothing is waiting; the socket stays bound so every answer can be delivered.
	 */
	private void answerWhatWasTaken(ZMQ.Socket socket) {
		StopAnswers answers = new StopAnswers(System.nanoTime() + this.stop.timeout().toNanos());
		int refused = 0;
		while (refused < MAX_REFUSALS) {
			ZmqFrames frames = receive(socket, ZMQ.DONTWAIT, null);
			if (frames == null) {
				break;
			}
			Envelope request = (this.rejectEnvelope != null) ? Envelope.split(frames) : null;
			if (request == null || answers.handles(request.envelope())) {
				handle(socket, frames);
			}
			else {
				this.onReceived.run();
				FrameIo.reply(socket, request.envelope(), StopAnswers.refusal());
				refused++;
			}
		}
		if (refused > 0) {
			this.logger.info("Listener thread " + getName() + " answered " + refused
					+ " request(s) with 503 Service Unavailable while stopping");
		}
	}

	/**
	 * A stopping puller: detach the socket from its peers (unbind), then handle what was
	 * already received, within the stop's limit and timeout.
	 */
	private void drain(ZMQ.Socket socket) {
		try {
			this.stop.detach().accept(socket);
		}
		catch (RuntimeException ex) {
			this.logger.debug("Could not detach the socket of " + getName() + " from its peers", ex);
		}
		long deadline = System.nanoTime() + this.stop.timeout().toNanos();
		int handled = 0;
		while (handled < this.stop.limit()) {
			if (System.nanoTime() - deadline >= 0) {
				this.logger.warn("Listener thread " + getName() + " stopped handling its received messages after "
						+ handled + " at the shutdown timeout; the rest are discarded");
				return;
			}
			ZmqFrames frames = receive(socket, ZMQ.DONTWAIT, null);
			if (frames == null) {
				return;
			}
			handle(socket, frames);
			handled++;
		}
	}

	private @Nullable ZmqFrames receive(ZMQ.Socket socket, int flags, ZMQ.@Nullable CancellationToken cancellation) {
		try {
			return FrameIo.receive(socket, flags, cancellation);
		}
		catch (ZMQException ex) {
			if (FrameIo.isStopSignal(ex)) {
				this.contextTerminated |= ex.getErrorCode() == zmq.ZError.ETERM;
				return null;
			}
			throw ex;
		}
	}

	/**
	 * What a stopped listener does with the socket facing peers.
	 */
	enum StopMode {

		/**
		 * Keep the socket bound and answer every request still read (repliers).
		 */
		ANSWER,

		/**
		 * Unbind, then handle what was already received (pullers).
		 */
		DRAIN,

		/**
		 * Close right away (subscribers: publish-subscribe is lossy by design, and a busy
		 * publisher would keep a drain going until the shutdown timeout).
		 */
		CLOSE

	}

	/**
	 * What to do when stopped.
	 *
	 * @param mode the kind of stop
	 * @param detach detaches the socket from its peers, on this thread
	 * ({@link StopMode#DRAIN})
	 * @param limit the most messages handled after the stop request
	 * @param timeout how long to keep handling or answering
	 */
	record Stop(StopMode mode, Consumer<ZMQ.Socket> detach, int limit, Duration timeout) {
	}

}

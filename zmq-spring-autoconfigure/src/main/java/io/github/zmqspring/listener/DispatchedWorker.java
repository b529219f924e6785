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

import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

import io.github.zmqspring.convert.ZmqFrames;

/**
 * One worker thread behind a {@link Dispatcher}: a DEALER over {@code inproc} to the
 * dispatcher's ROUTER. It announces itself with one empty frame, then answers every
 * {@link #MESSAGE} it is given with the reply frames, or one empty frame when there is no
 * reply (which also tells the dispatcher it is idle again), until it is sent
 * {@link #STOP}. It closes its socket before the dispatcher closes the ROUTER, so the
 * inproc pipes always end from this side first, on this thread.
 */
final class DispatchedWorker extends ListenerWorker {

	/**
	 * First frame of a message handed to a worker; the message follows.
	 */
	static final byte[] MESSAGE = { 'M' };

	/**
	 * The only frame of the dispatcher's request to close and end.
	 */
	static final byte[] STOP = { 'S' };

	private static final byte[] EMPTY = new byte[0];

	private final String identity;

	private final Consumer<DispatchedWorker> onDeath;

	/**
	 * Create a worker.
	 * @param name the thread name
	 * @param identity the routing id it announces itself with
	 * @param opener opens the DEALER connected to the dispatcher, on this thread
	 * @param processor handles each message
	 * @param onDeath called on this thread if it ended on an unexpected error
	 */
	DispatchedWorker(String name, String identity, Supplier<ZMQ.Socket> opener, FrameProcessor processor,
			Consumer<DispatchedWorker> onDeath) {
		super(name, opener, processor);
		this.identity = identity;
		this.onDeath = onDeath;
	}

	/**
	 * Return the routing id of this worker.
	 * @return the identity
	 */
	String getIdentity() {
		return this.identity;
	}

	@Override
	protected void serve(ZMQ.Socket socket, ZMQ.CancellationToken cancellation) {
		// tells the dispatcher this worker is idle
		socket.send(EMPTY, 0);
		ready();
		while (true) {
			ZmqFrames frames;
			try {
				frames = FrameIo.receive(socket, 0, cancellation);
			}
			catch (ZMQException ex) {
				if (FrameIo.isStopSignal(ex)) {
					// cancelled (a last resort when the dispatcher is gone) or the
					// context
					// closed
					return;
				}
				throw ex;
			}
			if (frames == null) {
				return;
			}
			if (frames.size() == 1 && Arrays.equals(frames.frame(0), STOP)) {
				stopping();
				return;
			}
			ZmqFrames reply = invoke(frames.from(1));
			if (reply != null) {
				FrameIo.send(socket, reply, 0);
			}
			else {
				socket.send(EMPTY, 0);
			}
		}
	}

	@Override
	public void requestStop() {
		// stopped through the dispatcher's STOP message, so this thread closes its socket
		// while the dispatcher's ROUTER is still open; see cancelReceive() for the last
		// resort
	}

	@Override
	protected void died() {
		this.onDeath.accept(this);
	}

}

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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.zeromq.ZMQ;

import io.github.zmqspring.convert.ZmqFrames;
import io.github.zmqspring.core.ZmqErrorReply;

/**
 * The workers of a {@link Dispatcher} as it sees them, on its thread: which are idle
 * (least recently used first), which owe a reply, and to whom. A request is owed until
 * its worker replies, or until the dispatcher answers it on the worker's behalf (handler
 * timeout, worker died, shutdown timeout); a reply that comes after that is discarded.
 */
final class DispatchSlots {

	private static final Log logger = LogFactory.getLog(DispatchSlots.class);

	private final boolean replies;

	private final @Nullable Duration handlerTimeout;

	private final BiConsumer<String, Duration> onTimeout;

	private final Map<String, Slot> slots = new HashMap<>();

	private final Deque<Slot> idle = new ArrayDeque<>();

	private int owed;

	/**
	 * Create the slots.
	 * @param replies whether requests get replies (a replier's ROUTER front socket)
	 * @param handlerTimeout how long a handler may take, {@code null} for no limit
	 * @param onTimeout told the worker identity and the timeout when a handler timed out,
	 * before its client can see the error reply
	 */
	DispatchSlots(boolean replies, @Nullable Duration handlerTimeout, BiConsumer<String, Duration> onTimeout) {
		this.replies = replies;
		this.handlerTimeout = handlerTimeout;
		this.onTimeout = onTimeout;
	}

	boolean hasIdle() {
		return !this.idle.isEmpty();
	}

	int owed() {
		return this.owed;
	}

	/**
	 * Hand a message to the least recently used idle worker.
	 * @param backend the dispatcher's ROUTER facing the workers
	 * @param envelope the request's envelope, {@code null} when nothing is answered
	 * @param body what the worker handles
	 */
	void dispatch(ZMQ.Socket backend, @Nullable ZmqFrames envelope, ZmqFrames body) {
		Slot slot = this.idle.poll();
		if (slot == null) {
			throw new IllegalStateException("No idle worker to dispatch to");
		}
		slot.busy = true;
		slot.envelope = envelope;
		if (this.handlerTimeout != null) {
			slot.deadline = System.nanoTime() + this.handlerTimeout.toNanos();
		}
		this.owed++;
		backend.send(slot.id, ZMQ.SNDMORE);
		backend.send(DispatchedWorker.MESSAGE, ZMQ.SNDMORE);
		FrameIo.send(backend, body, 0);
	}

	/**
	 * Take what a worker sent: its announcement, or its reply (forwarded to the peer).
	 * @param message the frames, the worker's identity first
	 * @param frontend the front socket the reply goes out on
	 * @param backend the ROUTER facing the workers
	 * @param stopping whether the workers were told to stop (a worker that announces
	 * itself now is told at once)
	 */
	void fromWorker(@Nullable ZmqFrames message, ZMQ.Socket frontend, ZMQ.Socket backend, boolean stopping) {
		if (message == null || message.size() < 2) {
			return;
		}
		byte[] id = message.frame(0);
		String key = new String(id, StandardCharsets.ISO_8859_1);
		Slot slot = this.slots.get(key);
		if (slot == null) {
			slot = new Slot(id, key);
			this.slots.put(key, slot);
			if (stopping) {
				stop(backend, slot);
			}
			else {
				this.idle.add(slot);
			}
			return;
		}
		if (!slot.busy) {
			return;
		}
		if (slot.abandoned) {
			logger.debug("Discarded the late reply of worker " + key);
		}
		else {
			this.owed--;
			if (this.replies && slot.envelope != null) {
				FrameIo.reply(frontend, slot.envelope, message.from(1));
			}
		}
		slot.busy = false;
		slot.abandoned = false;
		slot.envelope = null;
		if (!stopping) {
			this.idle.add(slot);
		}
	}

	/**
	 * Forget a worker that died; its request, if any, is answered with {@code 500}.
	 * @param key the worker's identity
	 * @param frontend the front socket
	 */
	void died(String key, ZMQ.Socket frontend) {
		Slot slot = this.slots.remove(key);
		if (slot == null) {
			return;
		}
		this.idle.remove(slot);
		if (slot.owed()) {
			abandon(slot, frontend, ZmqErrorReply.HANDLER_ERROR);
		}
	}

	/**
	 * Answer with {@code 504} every request whose handler timeout passed.
	 * @param frontend the front socket
	 */
	void expireHandlers(ZMQ.Socket frontend) {
		Duration timeout = this.handlerTimeout;
		if (timeout == null || this.owed == 0) {
			return;
		}
		long now = System.nanoTime();
		for (Slot slot : this.slots.values()) {
			if (slot.owed() && now - slot.deadline >= 0) {
				this.onTimeout.accept(slot.key, timeout);
				abandon(slot, frontend, ZmqErrorReply.GATEWAY_TIMEOUT);
			}
		}
	}

	/**
	 * Answer every request still owed on the workers' behalf.
	 * @param frontend the front socket
	 * @param answer the error reply
	 */
	void abandonOwed(ZMQ.Socket frontend, ZmqErrorReply answer) {
		for (Slot slot : this.slots.values()) {
			if (slot.owed()) {
				abandon(slot, frontend, answer);
			}
		}
	}

	/**
	 * Tell every worker to close its socket and end.
	 * @param backend the ROUTER facing the workers
	 */
	void stopAll(ZMQ.Socket backend) {
		for (Slot slot : this.slots.values()) {
			stop(backend, slot);
		}
		this.idle.clear();
	}

	/**
	 * Return the earliest of a deadline and the handler deadlines of owed requests.
	 * @param deadline a {@link System#nanoTime()} deadline, {@link Long#MAX_VALUE} for
	 * none
	 * @return the earliest deadline
	 */
	long nextDeadline(long deadline) {
		long next = deadline;
		if (this.handlerTimeout != null) {
			for (Slot slot : this.slots.values()) {
				if (slot.owed() && slot.deadline - next < 0) {
					next = slot.deadline;
				}
			}
		}
		return next;
	}

	private void abandon(Slot slot, ZMQ.Socket frontend, ZmqErrorReply answer) {
		slot.abandoned = true;
		this.owed--;
		if (this.replies && slot.envelope != null) {
			FrameIo.reply(frontend, slot.envelope, ZmqFrames.of(answer.toFrame()));
		}
	}

	private static void stop(ZMQ.Socket backend, Slot slot) {
		backend.send(slot.id, ZMQ.SNDMORE);
		backend.send(DispatchedWorker.STOP, 0);
	}

	/**
	 * One worker.
	 */
	private static final class Slot {

		final byte[] id;

		final String key;

		boolean busy;

		boolean abandoned;

		@Nullable ZmqFrames envelope;

		long deadline;

		Slot(byte[] id, String key) {
			this.id = id;
			this.key = key;
		}

		/**
		 * Return whether the worker owes a reply nobody has answered yet.
		 */
		boolean owed() {
			return this.busy && !this.abandoned;
		}

	}

}

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
package io.github.zmqspring.guard;

import java.lang.ref.Reference;

import org.jspecify.annotations.Nullable;
import zmq.Msg;
import zmq.io.Metadata;

/**
 * A frame allocated by a {@link SocketGuard}. JeroMQ hands every frame it decoded from a
 * ZMTP 3 connection to {@link #setMetadata(Metadata)} with that connection's metadata
 * before it queues the frame for the socket; that is where the guard sees which
 * connection the frame came from, counts it, and discards it (by marking it a command,
 * which JeroMQ does not queue) when the connection broke a limit. A frame charged to a
 * budget gives it back when the application reads it ({@link #data()}), or when it is
 * collected unread.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
final class GuardedMsg extends Msg {

	private final SocketGuard guard;

	private final boolean refused;

	private @Nullable BudgetReservation reservation;

	GuardedMsg(int size, SocketGuard guard, boolean refused) {
		super(size);
		this.guard = guard;
		this.refused = refused;
	}

	void reserved(BudgetReservation reservation) {
		this.reservation = reservation;
	}

	boolean isRefused() {
		return this.refused;
	}

	@Override
	public void setFlags(int flags) {
		// a refused frame is empty and must never be queued, even on a connection the
		// guard cannot see (ZMTP 2 peers carry no metadata): JeroMQ drops commands
		super.setFlags(this.refused ? (flags | COMMAND) : flags);
	}

	@Override
	public Msg setMetadata(@Nullable Metadata metadata) {
		super.setMetadata(metadata);
		if (metadata != null) {
			this.guard.onFrame(this, metadata);
		}
		return this;
	}

	void discard() {
		super.setFlags(COMMAND);
	}

	@Override
	public byte[] data() {
		byte[] data = super.data();
		BudgetReservation current = this.reservation;
		if (current != null) {
			this.reservation = null;
			current.clear();
			// the frame must stay reachable until its reservation is cleared, or the
			// collector could enqueue it as well and the budget would be released twice
			Reference.reachabilityFence(this);
			current.release();
		}
		return data;
	}

}

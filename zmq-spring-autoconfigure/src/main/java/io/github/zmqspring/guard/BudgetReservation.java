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

import java.lang.ref.PhantomReference;
import java.lang.ref.ReferenceQueue;
import java.util.Set;

import zmq.Msg;

/**
 * Bytes of a frame charged to its socket's and its context's budget. Released exactly
 * once: by the reader when the application reads the frame, or by the guard's thread when
 * the collector found the frame unreachable (JeroMQ dropped it unread, for example with
 * the connection it came on).
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
final class BudgetReservation extends PhantomReference<Msg> {

	private final ReceiveBudget socketBudget;

	private final ReceiveBudget contextBudget;

	private final int size;

	private final Set<BudgetReservation> live;

	BudgetReservation(Msg frame, ReferenceQueue<Msg> queue, ReceiveBudget socketBudget, ReceiveBudget contextBudget,
			int size, Set<BudgetReservation> live) {
		super(frame, queue);
		this.socketBudget = socketBudget;
		this.contextBudget = contextBudget;
		this.size = size;
		this.live = live;
		// a phantom reference must itself stay reachable to be enqueued
		live.add(this);
	}

	void release() {
		this.live.remove(this);
		this.socketBudget.release(this.size);
		this.contextBudget.release(this.size);
	}

}

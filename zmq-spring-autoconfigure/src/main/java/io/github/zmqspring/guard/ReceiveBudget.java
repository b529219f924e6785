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

import java.util.concurrent.atomic.AtomicLong;

/**
 * A number of bytes that frames may hold at once; reserved before a frame is allocated,
 * released when the application reads it or when it is dropped unread.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
final class ReceiveBudget {

	private final long capacity;

	private final AtomicLong used = new AtomicLong();

	ReceiveBudget(long capacity) {
		this.capacity = capacity;
	}

	boolean tryReserve(long bytes) {
		while (true) {
			long current = this.used.get();
			long next = current + bytes;
			if (next > this.capacity) {
				return false;
			}
			if (this.used.compareAndSet(current, next)) {
				return true;
			}
		}
	}

	void release(long bytes) {
		this.used.addAndGet(-bytes);
	}

	long used() {
		return this.used.get();
	}

	long capacity() {
		return this.capacity;
	}

}

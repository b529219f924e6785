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

package io.github.zmqspring.core;

import zmq.Msg;
import zmq.msg.MsgAllocator;
import zmq.msg.MsgAllocatorThreshold;

/**
 * Allocates the messages a socket decodes, refusing sizes JeroMQ 0.6.0 lets through
 * unchecked. Its decoder compares a frame's 64-bit length with the maximum message size
 * as a signed number, so a length with the top bit set passes the check and is cast to an
 * {@code int}: a negative result throws on JeroMQ's I/O thread and leaves it spinning
 * forever (every socket of the context stops), a large positive one allocates up to 2 GB.
 * For such a length this allocator returns an empty message instead, so one malicious or
 * corrupt frame cannot take the process down; the peer's stream is garbage from then on,
 * as it was before.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
final class GuardedMsgAllocator implements MsgAllocator {

	private final MsgAllocator delegate = new MsgAllocatorThreshold();

	private final long maxSize;

	GuardedMsgAllocator(long maxSize) {
		this.maxSize = (maxSize >= 0) ? maxSize : Integer.MAX_VALUE;
	}

	@Override
	public Msg allocate(int size) {
		if (size < 0 || size > this.maxSize) {
			return new Msg(0);
		}
		return this.delegate.allocate(size);
	}

}

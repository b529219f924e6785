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

import org.jspecify.annotations.Nullable;
import org.zeromq.ZMQ;

import io.github.zmqspring.config.ZmqListenerEndpoint;
import io.github.zmqspring.convert.ZmqFrames;
import io.github.zmqspring.core.ZmqEndpoint;
import io.github.zmqspring.core.ZmqSocketFactory;

/**
 * Container of a {@code @ZmqPuller} method: calls the method for each pushed message and,
 * with {@code @SendTo}, pushes a non-null return value onward (a pipeline worker). A
 * message that cannot be converted, or a method that throws, is logged and the listener
 * goes on.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public class ZmqPullerContainer extends AbstractZmqListenerContainer {

	/**
	 * The default prefetch.
	 */
	public static final int DEFAULT_PREFETCH = 250;

	private final @Nullable SendToTarget sendTo;

	private int prefetch = DEFAULT_PREFETCH;

	public ZmqPullerContainer(ZmqListenerEndpoint listener, ZmqEndpoint endpoint, ZmqSocketFactory socketFactory,
			ZmqListenerMethodAdapter adapter, @Nullable SendToTarget sendTo) {
		super(listener, endpoint, socketFactory, adapter);
		this.sendTo = sendTo;
	}

	/**
	 * Set the receive high-water mark of the socket facing peers, unless the endpoint
	 * sets {@code receive-high-water-mark}: how many messages JeroMQ takes from each peer
	 * ahead of the method.
	 * @param prefetch the number of messages, at least 1
	 */
	public void setPrefetch(int prefetch) {
		this.prefetch = Math.max(1, prefetch);
	}

	@Override
	protected int receiveHighWaterMark() {
		Integer hwm = getEndpoint().options().receiveHighWaterMark();
		return (hwm != null) ? hwm : this.prefetch;
	}

	@Override
	protected void customize(ZMQ.Socket socket) {
		if (getEndpoint().options().receiveHighWaterMark() == null) {
			socket.setRcvHWM(this.prefetch);
		}
	}

	@Override
	protected @Nullable ZmqFrames process(ZmqFrames frames) {
		ListenerInvocation.invoke(this, frames, frames, null, this.sendTo, null);
		return null;
	}

}

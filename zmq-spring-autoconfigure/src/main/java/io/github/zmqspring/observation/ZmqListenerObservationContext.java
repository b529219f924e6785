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

package io.github.zmqspring.observation;

import io.micrometer.observation.transport.ReceiverContext;

import io.github.zmqspring.convert.ZmqFrames;

/**
 * The context of a {@code zmq.listener} observation: one message handled by a listener's
 * method. A consumer-side context whose carrier is the received message; nothing is
 * extracted from it (the ZeroMQ wire format carries no trace headers), so a span started
 * here begins a new trace unless the handler thread already has one.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public class ZmqListenerObservationContext extends ReceiverContext<ZmqFrames> {

	private final String listenerId;

	private final String listenerType;

	private final String endpoint;

	/**
	 * Create a context for one received message.
	 * @param listenerId the listener id
	 * @param listenerType the listener type: {@code replier}, {@code subscriber} or
	 * {@code puller}
	 * @param endpoint the endpoint name (or the addresses as written)
	 * @param message the received message (a request without its envelope)
	 */
	public ZmqListenerObservationContext(String listenerId, String listenerType, String endpoint, ZmqFrames message) {
		super((carrier, key) -> null);
		this.listenerId = listenerId;
		this.listenerType = listenerType;
		this.endpoint = endpoint;
		setCarrier(message);
		setRemoteServiceName("zeromq");
	}

	/**
	 * Return the listener id.
	 * @return the id
	 */
	public String getListenerId() {
		return this.listenerId;
	}

	/**
	 * Return the listener type.
	 * @return {@code replier}, {@code subscriber} or {@code puller}
	 */
	public String getListenerType() {
		return this.listenerType;
	}

	/**
	 * Return the endpoint the listener receives on.
	 * @return the endpoint name, or the addresses as written for an inline endpoint
	 */
	public String getEndpoint() {
		return this.endpoint;
	}

}

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

package io.github.zmqspring.event;

import java.util.List;

import org.springframework.context.ApplicationEvent;

import io.github.zmqspring.listener.ZmqListenerContainer;

/**
 * A listener container started: its sockets are bound and connected and its threads take
 * messages. Published synchronously by the container's {@code start()} on the thread that
 * started it, before {@code start()} returns, so a wildcard port ({@code tcp://*:*}) is
 * known to application listeners (and in {@code local.zmq.listener.<id>.port}) as soon as
 * the container is started.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public class ZmqListenerStartedEvent extends ApplicationEvent {

	private final String listenerId;

	private final List<String> boundAddresses;

	/**
	 * Create an event.
	 * @param container the container that started
	 * @param boundAddresses the addresses its socket bound, wildcard ports resolved
	 */
	public ZmqListenerStartedEvent(ZmqListenerContainer container, List<String> boundAddresses) {
		super(container);
		this.listenerId = container.getListenerId();
		this.boundAddresses = List.copyOf(boundAddresses);
	}

	/**
	 * Return the listener id.
	 * @return the id
	 */
	public String getListenerId() {
		return this.listenerId;
	}

	/**
	 * Return the container that started.
	 * @return the container
	 */
	public ZmqListenerContainer getContainer() {
		return (ZmqListenerContainer) getSource();
	}

	/**
	 * Return the addresses the listener's socket bound, with real ports, for example
	 * {@code tcp://127.0.0.1:54321}; empty when it only connects.
	 * @return the bound addresses, in the order they were bound
	 */
	public List<String> getBoundAddresses() {
		return this.boundAddresses;
	}

	@Override
	public String toString() {
		return "ZmqListenerStartedEvent[" + this.listenerId + " bound " + this.boundAddresses + "]";
	}

}

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

import org.springframework.context.ApplicationEvent;

import io.github.zmqspring.listener.ZmqListenerContainer;

/**
 * A listener container stopped: its threads ended (or the shutdown timeout passed) and
 * its sockets are closed. Published synchronously on the thread that stopped the
 * container, also when the application context closes.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public class ZmqListenerStoppedEvent extends ApplicationEvent {

	private final String listenerId;

	private final boolean completed;

	/**
	 * Create an event.
	 * @param container the container that stopped
	 * @param completed whether every thread ended within the shutdown timeout
	 */
	public ZmqListenerStoppedEvent(ZmqListenerContainer container, boolean completed) {
		super(container);
		this.listenerId = container.getListenerId();
		this.completed = completed;
	}

	/**
	 * Return the listener id.
	 * @return the id
	 */
	public String getListenerId() {
		return this.listenerId;
	}

	/**
	 * Return the container that stopped.
	 * @return the container
	 */
	public ZmqListenerContainer getContainer() {
		return (ZmqListenerContainer) getSource();
	}

	/**
	 * Return whether every thread of the listener ended within the shutdown timeout.
	 * @return {@code false} when a handler was still busy at the timeout
	 */
	public boolean isCompleted() {
		return this.completed;
	}

	@Override
	public String toString() {
		return "ZmqListenerStoppedEvent[" + this.listenerId + "]";
	}

}

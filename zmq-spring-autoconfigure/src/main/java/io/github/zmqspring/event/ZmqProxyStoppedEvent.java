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

import io.github.zmqspring.proxy.ZmqProxy;

/**
 * A proxy stopped: its thread closed both sockets (or the stop timeout passed). Published
 * synchronously on the thread that stopped the proxy, also when the application context
 * closes.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public class ZmqProxyStoppedEvent extends ApplicationEvent {

	private final String proxyName;

	private final boolean completed;

	/**
	 * Create an event.
	 * @param proxy the proxy that stopped
	 * @param completed whether its thread ended within the stop timeout
	 */
	public ZmqProxyStoppedEvent(ZmqProxy proxy, boolean completed) {
		super(proxy);
		this.proxyName = proxy.getName();
		this.completed = completed;
	}

	/**
	 * Return the proxy name.
	 * @return the name under {@code zmq.proxies}
	 */
	public String getProxyName() {
		return this.proxyName;
	}

	/**
	 * Return the proxy that stopped.
	 * @return the proxy
	 */
	public ZmqProxy getProxy() {
		return (ZmqProxy) getSource();
	}

	/**
	 * Return whether the proxy thread ended within the stop timeout.
	 * @return {@code false} when it did not
	 */
	public boolean isCompleted() {
		return this.completed;
	}

	@Override
	public String toString() {
		return "ZmqProxyStoppedEvent[" + this.proxyName + "]";
	}

}

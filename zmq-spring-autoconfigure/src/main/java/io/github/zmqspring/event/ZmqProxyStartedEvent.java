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

import io.github.zmqspring.proxy.ZmqProxy;

/**
 * A proxy started: both of its sides are bound and connected. Published synchronously by
 * {@link ZmqProxy#start()} before it returns, so wildcard ports are known to application
 * listeners (and in {@code local.zmq.proxy.<name>.frontend.port} and
 * {@code .backend.port}) as soon as the proxy is started.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public class ZmqProxyStartedEvent extends ApplicationEvent {

	private final String proxyName;

	private final List<String> frontendBoundAddresses;

	private final List<String> backendBoundAddresses;

	/**
	 * Create an event.
	 * @param proxy the proxy that started
	 * @param frontendBoundAddresses what the front end bound, wildcard ports resolved
	 * @param backendBoundAddresses what the back end bound, wildcard ports resolved
	 */
	public ZmqProxyStartedEvent(ZmqProxy proxy, List<String> frontendBoundAddresses,
			List<String> backendBoundAddresses) {
		super(proxy);
		this.proxyName = proxy.getName();
		this.frontendBoundAddresses = List.copyOf(frontendBoundAddresses);
		this.backendBoundAddresses = List.copyOf(backendBoundAddresses);
	}

	/**
	 * Return the proxy name.
	 * @return the name under {@code zmq.proxies}
	 */
	public String getProxyName() {
		return this.proxyName;
	}

	/**
	 * Return the proxy that started.
	 * @return the proxy
	 */
	public ZmqProxy getProxy() {
		return (ZmqProxy) getSource();
	}

	/**
	 * Return the addresses the front end bound; empty when it only connects.
	 * @return for example {@code tcp://0.0.0.0:54321}
	 */
	public List<String> getFrontendBoundAddresses() {
		return this.frontendBoundAddresses;
	}

	/**
	 * Return the addresses the back end bound; empty when it only connects.
	 * @return for example {@code tcp://0.0.0.0:54322}
	 */
	public List<String> getBackendBoundAddresses() {
		return this.backendBoundAddresses;
	}

	@Override
	public String toString() {
		return "ZmqProxyStartedEvent[" + this.proxyName + " frontend " + this.frontendBoundAddresses + ", backend "
				+ this.backendBoundAddresses + "]";
	}

}

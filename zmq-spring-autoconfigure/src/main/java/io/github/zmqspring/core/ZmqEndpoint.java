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

import java.util.List;
import java.util.stream.Collectors;

/**
 * A resolved endpoint: the addresses one socket binds and connects, and its options.
 *
 * @param name the endpoint name, or the addresses as written for an inline endpoint
 * @param addresses the addresses, at least one
 * @param options the socket options
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public record ZmqEndpoint(String name, List<ZmqAddress> addresses, ZmqSocketOptions options) {

	/**
	 * Return the addresses in CZMQ notation, comma-separated.
	 * @return for example {@code @tcp://*:5555,>inproc://x}
	 */
	public String describeAddresses() {
		return this.addresses.stream().map(ZmqAddress::toString).collect(Collectors.joining(","));
	}

	/**
	 * Return whether any address is bound.
	 * @return {@code true} if the socket binds at least one address
	 */
	public boolean binds() {
		return this.addresses.stream().anyMatch(ZmqAddress::bind);
	}

	/**
	 * Return whether any address is connected.
	 * @return {@code true} if the socket connects to at least one address
	 */
	public boolean connects() {
		return this.addresses.stream().anyMatch((address) -> !address.bind());
	}

}

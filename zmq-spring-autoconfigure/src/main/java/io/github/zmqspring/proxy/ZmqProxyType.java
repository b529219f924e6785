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
package io.github.zmqspring.proxy;

import java.util.Locale;

import org.zeromq.SocketType;

/**
 * The three classic ZeroMQ devices: which socket type a proxy uses on each side.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public enum ZmqProxyType {

	/**
	 * Request-reply broker: a ROUTER front end for clients (REQ, DEALER) and a DEALER
	 * back end for servers (REP, ROUTER) that usually connect to it.
	 */
	QUEUE(SocketType.ROUTER, SocketType.DEALER),

	/**
	 * Publish-subscribe forwarder: an XSUB front end for publishers and an XPUB back end
	 * for subscribers; subscriptions travel from the back end to the front end.
	 */
	FORWARDER(SocketType.XSUB, SocketType.XPUB),

	/**
	 * Pipeline streamer: a PULL front end for pushers and a PUSH back end for pullers.
	 */
	STREAMER(SocketType.PULL, SocketType.PUSH);

	private final SocketType frontendType;

	private final SocketType backendType;

	private final String tagValue = name().toLowerCase(Locale.ROOT);

	ZmqProxyType(SocketType frontendType, SocketType backendType) {
		this.frontendType = frontendType;
		this.backendType = backendType;
	}

	/**
	 * Return the type as logs, health details and the actuator endpoint show it (and as
	 * {@code zmq.proxies.<name>.type} takes it).
	 * @return the lower-case name, for example {@code queue}
	 */
	public String tagValue() {
		return this.tagValue;
	}

	/**
	 * Return the socket type of the front end.
	 * @return ROUTER, XSUB or PULL
	 */
	public SocketType frontendType() {
		return this.frontendType;
	}

	/**
	 * Return the socket type of the back end.
	 * @return DEALER, XPUB or PUSH
	 */
	public SocketType backendType() {
		return this.backendType;
	}

	/**
	 * Return whether messages also flow from the back end to the front end: replies for a
	 * queue, subscriptions for a forwarder; a streamer is one-way.
	 * @return {@code true} unless this is a streamer
	 */
	public boolean isTwoWay() {
		return this != STREAMER;
	}

}

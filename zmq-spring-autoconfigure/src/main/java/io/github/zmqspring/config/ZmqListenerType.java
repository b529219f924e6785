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

package io.github.zmqspring.config;

import java.util.Locale;

import org.zeromq.SocketType;

/**
 * The kinds of listener, with the socket each one uses; the only place that mapping
 * lives.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public enum ZmqListenerType {

	/**
	 * {@code @ZmqReplier}: REP semantics on a ROUTER socket whose container handles the
	 * envelopes; with concurrency above one (or a handler timeout), a proxy thread shares
	 * the requests among worker threads.
	 */
	REPLIER("@ZmqReplier", SocketType.REP, SocketType.ROUTER, SocketType.ROUTER),

	/**
	 * {@code @ZmqSubscriber}: SUB.
	 */
	SUBSCRIBER("@ZmqSubscriber", SocketType.SUB, SocketType.SUB, SocketType.PUB),

	/**
	 * {@code @ZmqPuller}: PULL; with concurrency above one, a proxy thread shares the
	 * messages of the PULL front socket among worker threads.
	 */
	PULLER("@ZmqPuller", SocketType.PULL, SocketType.PULL, SocketType.ROUTER);

	private final String annotation;

	private final SocketType socketType;

	private final SocketType frontendType;

	private final SocketType backendType;

	private final String tagValue = name().toLowerCase(Locale.ROOT);

	ZmqListenerType(String annotation, SocketType socketType, SocketType frontendType, SocketType backendType) {
		this.annotation = annotation;
		this.socketType = socketType;
		this.frontendType = frontendType;
		this.backendType = backendType;
	}

	/**
	 * Return the type as metric tags, observations, health details and the actuator
	 * endpoint show it.
	 * @return the lower-case name, for example {@code replier}
	 */
	public String tagValue() {
		return this.tagValue;
	}

	/**
	 * Return the annotation that declares this kind of listener.
	 * @return for example {@code @ZmqReplier}
	 */
	public String annotation() {
		return this.annotation;
	}

	/**
	 * Return the socket type of a single-threaded listener, and of each worker.
	 * @return the socket type
	 */
	public SocketType socketType() {
		return this.socketType;
	}

	/**
	 * Return the socket type facing peers when the work is shared among several workers.
	 * @return the front-end socket type
	 */
	public SocketType frontendType() {
		return this.frontendType;
	}

	/**
	 * Return the socket type that hands work to the workers: a ROUTER that gives each
	 * message to an idle worker (a subscriber has no workers).
	 * @return the back-end socket type
	 */
	public SocketType backendType() {
		return this.backendType;
	}

}

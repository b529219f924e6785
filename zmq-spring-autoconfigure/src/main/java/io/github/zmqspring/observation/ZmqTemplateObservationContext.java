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

import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;

import io.github.zmqspring.convert.ZmqFrames;

/**
 * The context of a {@code zmq.template} observation: one {@code request},
 * {@code requestAsync}, {@code publish} or {@code push} call of {@code ZmqTemplate}. A
 * producer-side context (client for requests); nothing is injected into the message (the
 * ZeroMQ wire format carries no trace headers).
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public class ZmqTemplateObservationContext extends SenderContext<ZmqFrames> {

	/**
	 * The operation of a request.
	 */
	public static final String REQUEST = "request";

	/**
	 * The operation of a publish.
	 */
	public static final String PUBLISH = "publish";

	/**
	 * The operation of a push.
	 */
	public static final String PUSH = "push";

	private final String endpoint;

	private final String operation;

	/**
	 * Create a context for one template operation.
	 * @param endpoint the endpoint name (or the addresses as written)
	 * @param operation {@link #REQUEST}, {@link #PUBLISH} or {@link #PUSH}
	 */
	public ZmqTemplateObservationContext(String endpoint, String operation) {
		super((carrier, key, value) -> {
		}, REQUEST.equals(operation) ? Kind.CLIENT : Kind.PRODUCER);
		this.endpoint = endpoint;
		this.operation = operation;
		setRemoteServiceName("zeromq");
	}

	/**
	 * Return the endpoint the message goes to.
	 * @return the endpoint name, or the addresses as written for an inline endpoint
	 */
	public String getEndpoint() {
		return this.endpoint;
	}

	/**
	 * Return the operation.
	 * @return {@code request}, {@code publish} or {@code push}
	 */
	public String getOperation() {
		return this.operation;
	}

}

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

import java.util.Locale;

/**
 * What a socket belongs to: a listener, the template, a proxy or a subscriber's sync
 * check-in. The {@link #kind()} and {@link #name()} are the tags of the socket's events
 * and metrics, so they come from configuration only (listener ids, endpoint and proxy
 * names), never from peers or payloads.
 *
 * @param kind the kind of component
 * @param name the listener id, the template's endpoint name, or the proxy name with its
 * side ({@code broker.frontend})
 * @param description how messages name the owner (for example the listener's method)
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public record ZmqSocketOwner(Kind kind, String name, String description) {

	/**
	 * Create an owner for a listener.
	 * @param id the listener id
	 * @param description how messages name the listener
	 * @return the owner
	 */
	public static ZmqSocketOwner listener(String id, String description) {
		return new ZmqSocketOwner(Kind.LISTENER, id, description);
	}

	/**
	 * Create an owner for a template socket.
	 * @param endpoint the endpoint name
	 * @param description how messages name the socket
	 * @return the owner
	 */
	public static ZmqSocketOwner template(String endpoint, String description) {
		return new ZmqSocketOwner(Kind.TEMPLATE, endpoint, description);
	}

	/**
	 * Create an owner for one side of a proxy.
	 * @param proxy the proxy name
	 * @param side {@code frontend} or {@code backend}
	 * @param description how messages name the side
	 * @return the owner
	 */
	public static ZmqSocketOwner proxy(String proxy, String side, String description) {
		return new ZmqSocketOwner(Kind.PROXY, proxy + "." + side, description);
	}

	@Override
	public String toString() {
		return this.description;
	}

	/**
	 * The kinds of components that open sockets.
	 */
	public enum Kind {

		/** An {@code @ZmqReplier}, {@code @ZmqSubscriber} or {@code @ZmqPuller}. */
		LISTENER,

		/** A socket of {@code ZmqTemplate}. */
		TEMPLATE,

		/** One side of a configured proxy. */
		PROXY,

		/** A subscriber's check-in with a publisher's sync endpoint. */
		SYNC;

		/**
		 * Return the kind as used in tags and JSON.
		 * @return the lower-case name
		 */
		public String tagValue() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}

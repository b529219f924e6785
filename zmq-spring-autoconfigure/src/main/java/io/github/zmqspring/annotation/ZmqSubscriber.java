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

package io.github.zmqspring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;

/**
 * Marks a method as the handler of messages arriving on a SUB socket, filtered by topic
 * prefix (ZeroMQ semantics: a subscription to {@code orders} also matches
 * {@code orders.eu}). The topic is available as {@code @Header(ZmqHeaders.TOPIC)}. With
 * spring-messaging's {@code @SendTo("endpoint")}, a non-null return value is republished
 * under the same topic. <pre class="code">
 * &#64;ZmqSubscriber(value = "tcp://localhost:5556", topics = "prices.")
 * void onPrice(Price price, &#64;Header(ZmqHeaders.TOPIC) String topic) { ... }
 * </pre>
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ZmqSubscriber {

	/**
	 * Alias for {@link #endpoint()}.
	 * @return the endpoint
	 */
	@AliasFor("endpoint")
	String value() default "";

	/**
	 * The endpoint: a name configured under {@code zmq.endpoints}, or one or more
	 * comma-separated addresses ({@code @tcp://*:5555} binds, {@code >tcp://host:5555}
	 * connects, a bare address takes the socket type's usual direction). {@code ${...}}
	 * placeholders are resolved.
	 * @return the endpoint
	 */
	@AliasFor("value")
	String endpoint() default "";

	/**
	 * The listener id, used to look the listener up in the registry; defaults to
	 * {@code beanName.methodName}.
	 * @return the id
	 */
	String id() default "";

	/**
	 * Whether the listener starts with the application context: {@code "true"},
	 * {@code "false"} or a {@code ${...}} placeholder.
	 * @return the auto-startup flag
	 */
	String autoStartup() default "true";

	/**
	 * The stop order among this application's listeners: a listener with a higher phase
	 * stops earlier (and starts later), as with {@code SmartLifecycle} phases. Listeners
	 * that feed another listener of the application through {@code @SendTo} already stop
	 * before it; set a phase for a feed the starter cannot see, such as a method that
	 * calls the template. A whole number (negative allowed), or a {@code ${...}}
	 * placeholder.
	 * @return the phase
	 */
	String phase() default "0";

	/**
	 * The topic prefixes to subscribe to; each may be a {@code ${...}} placeholder. Empty
	 * (the default) subscribes to everything.
	 * @return the topic prefixes
	 */
	String[] topics() default {};

	/**
	 * A publisher's synchronization endpoint (a name configured under
	 * {@code zmq.endpoints}, or an address such as {@code tcp://host:5562}), for the
	 * classic slow-joiner handshake. When set, starting the listener connects and
	 * subscribes, waits until each of its TCP connections has completed the ZMTP
	 * handshake, then sends one empty request to this endpoint (REQ) and waits for the
	 * empty reply; only then does the listener count as started. Each attempt waits the
	 * endpoint's {@code request-timeout} (default 5 s), and is repeated
	 * {@code request-retries} times (default 2) with a fresh socket; if no reply comes,
	 * the listener fails to start with a message naming the endpoint. Empty (the default)
	 * starts without checking in. May be a {@code ${...}} placeholder.
	 * @return the sync endpoint, or empty
	 */
	String sync() default "";

}

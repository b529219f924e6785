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
 * Marks a method as the handler of requests arriving on a REP socket: each request is
 * converted to the method's payload parameter, and the return value is the reply (the
 * same conversions; {@code void} or {@code null} replies with one empty frame). A replier
 * always answers: when the request cannot be converted or the method throws, the client
 * gets an error reply. <pre class="code">
 * &#64;ZmqReplier("tcp://*:5555")
 * String hello(String name) {
 *     return "Hello " + name;
 * }
 * </pre>
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ZmqReplier {

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
	 * How many requests are handled at once; with more than one, a ROUTER socket takes
	 * the requests on the endpoint and shares them among that many threads, routing each
	 * reply to its client. A number, or a {@code ${...}} placeholder.
	 * @return the concurrency
	 */
	String concurrency() default "1";

}

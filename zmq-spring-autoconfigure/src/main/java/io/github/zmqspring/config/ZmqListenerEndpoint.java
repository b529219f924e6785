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

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * What one annotated method asks for: the listener kind, the endpoint, the topics, how
 * many messages to handle at once, and where its results go. Holds no JeroMQ objects.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public final class ZmqListenerEndpoint {

	private final String id;

	private final ZmqListenerType type;

	private final String endpoint;

	private final Object bean;

	private final String beanName;

	private final Method method;

	private List<String> topics = List.of("");

	private int concurrency = 1;

	private boolean autoStartup = true;

	private int phase;

	private @Nullable String sendTo;

	private @Nullable String sync;

	public ZmqListenerEndpoint(String id, ZmqListenerType type, String endpoint, Object bean, String beanName,
			Method method) {
		Assert.hasText(id, "id must not be empty");
		this.id = id;
		this.type = type;
		this.endpoint = endpoint;
		this.bean = bean;
		this.beanName = beanName;
		this.method = method;
	}

	public String getId() {
		return this.id;
	}

	public ZmqListenerType getType() {
		return this.type;
	}

	/**
	 * Return the endpoint as written after placeholder resolution: a name or addresses.
	 * @return the endpoint
	 */
	public String getEndpoint() {
		return this.endpoint;
	}

	public Object getBean() {
		return this.bean;
	}

	public String getBeanName() {
		return this.beanName;
	}

	public Method getMethod() {
		return this.method;
	}

	/**
	 * Return the subscription prefixes of a subscriber; {@code ""} matches everything.
	 * @return the topic prefixes
	 */
	public List<String> getTopics() {
		return this.topics;
	}

	public void setTopics(List<String> topics) {
		this.topics = List.copyOf(topics);
	}

	public int getConcurrency() {
		return this.concurrency;
	}

	public void setConcurrency(int concurrency) {
		this.concurrency = concurrency;
	}

	public boolean isAutoStartup() {
		return this.autoStartup;
	}

	public void setAutoStartup(boolean autoStartup) {
		this.autoStartup = autoStartup;
	}

	/**
	 * Return the stop order among the application's listeners: a higher phase stops
	 * earlier.
	 * @return the phase, {@code 0} by default
	 */
	public int getPhase() {
		return this.phase;
	}

	public void setPhase(int phase) {
		this.phase = phase;
	}

	/**
	 * Return the endpoint results are pushed or published to ({@code @SendTo}), if any.
	 * @return the endpoint or {@code null}
	 */
	public @Nullable String getSendTo() {
		return this.sendTo;
	}

	public void setSendTo(@Nullable String sendTo) {
		this.sendTo = sendTo;
	}

	/**
	 * Return the endpoint a subscriber checks in with before it counts as started
	 * ({@code @ZmqSubscriber(sync = ...)}), if any.
	 * @return the sync endpoint or {@code null}
	 */
	public @Nullable String getSync() {
		return this.sync;
	}

	public void setSync(@Nullable String sync) {
		this.sync = sync;
	}

	/**
	 * Describe where this listener was declared, for log and error messages.
	 * @return for example
	 * {@code @ZmqReplier method Greeter.hello(String) on bean 'greeter' (listener 'greeter.hello')}
	 */
	public String describe() {
		String parameters = Arrays.stream(this.method.getParameterTypes())
			.map(Class::getSimpleName)
			.collect(Collectors.joining(", "));
		return this.type.annotation() + " method " + this.method.getDeclaringClass().getSimpleName() + "."
				+ this.method.getName() + "(" + parameters + ") on bean '" + this.beanName + "' (listener '" + this.id
				+ "')";
	}

	@Override
	public String toString() {
		return describe();
	}

}

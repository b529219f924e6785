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

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.util.Assert;

import io.github.zmqspring.listener.AbstractZmqListenerContainer;
import io.github.zmqspring.listener.ZmqListenerContainer;

/**
 * Owns every listener container by id: starts the auto-startup ones with the application
 * context, stops them on shutdown in {@link ListenerStopOrder} (a listener that feeds
 * another stops first, each wave waits at most its shutdown timeout), and lets
 * applications look up, start and stop a listener by id.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public class ZmqListenerEndpointRegistry implements SmartLifecycle, DisposableBean {

	private final Map<String, ZmqListenerContainer> containers = new LinkedHashMap<>();

	private final Map<String, ListenerStopOrder.Entry> stopEntries = new LinkedHashMap<>();

	private volatile boolean running;

	/**
	 * Create and register the container of a listener endpoint; started at once if the
	 * registry is already running and the endpoint auto-starts.
	 * @param endpoint the endpoint
	 * @param factory the factory to create its container with
	 * @return the container
	 * @throws IllegalStateException if a listener with the same id exists
	 */
	public ZmqListenerContainer registerListenerContainer(ZmqListenerEndpoint endpoint,
			ZmqListenerContainerFactory factory) {
		ZmqListenerContainer container;
		synchronized (this.containers) {
			Assert.state(!this.containers.containsKey(endpoint.getId()),
					() -> "Another ZeroMQ listener is already registered with id '" + endpoint.getId()
							+ "'; set a unique " + "id on " + endpoint.describe());
			container = factory.createContainer(endpoint);
			this.containers.put(endpoint.getId(), container);
			this.stopEntries.put(endpoint.getId(),
					new ListenerStopOrder.Entry(container, endpoint, factory.describeSendToAddresses(endpoint)));
		}
		if (this.running && container.isAutoStartup()) {
			container.start();
		}
		return container;
	}

	/**
	 * Return the container of a listener.
	 * @param id the listener id
	 * @return the container, or {@code null} if there is none with that id
	 */
	public @Nullable ZmqListenerContainer getListenerContainer(String id) {
		synchronized (this.containers) {
			return this.containers.get(id);
		}
	}

	/**
	 * Return the ids of all listeners.
	 * @return the ids, in registration order
	 */
	public Set<String> getListenerContainerIds() {
		synchronized (this.containers) {
			return Collections.unmodifiableSet(new LinkedHashSet<>(this.containers.keySet()));
		}
	}

	/**
	 * Return all containers.
	 * @return the containers, in registration order
	 */
	public Collection<ZmqListenerContainer> getListenerContainers() {
		synchronized (this.containers) {
			return List.copyOf(this.containers.values());
		}
	}

	@Override
	public int getPhase() {
		return AbstractZmqListenerContainer.DEFAULT_PHASE;
	}

	@Override
	public void start() {
		try {
			// downstream first: the reverse of the stop order
			List<List<ZmqListenerContainer>> waves = new ArrayList<>(ListenerStopOrder.waves(stopEntries()));
			Collections.reverse(waves);
			for (List<ZmqListenerContainer> wave : waves) {
				for (ZmqListenerContainer container : wave) {
					if (container.isAutoStartup()) {
						container.start();
					}
				}
			}
		}
		catch (RuntimeException ex) {
			// a failed start aborts the context: stop what already runs, or its threads
			// would keep the JVM alive behind the startup failure
			stop();
			throw ex;
		}
		this.running = true;
	}

	private List<ListenerStopOrder.Entry> stopEntries() {
		synchronized (this.containers) {
			return List.copyOf(this.stopEntries.values());
		}
	}

	@Override
	public void stop() {
		this.running = false;
		List<ListenerStopOrder.Entry> entries = stopEntries();
		// upstream first, so what it sends onward still finds its listener; within a
		// wave every listener is signalled first, so they wind down in parallel
		for (List<ZmqListenerContainer> wave : ListenerStopOrder.waves(entries)) {
			wave.forEach(ZmqListenerContainer::requestStop);
			long start = System.nanoTime();
			for (ZmqListenerContainer container : wave) {
				long deadline = start + container.getShutdownTimeout().toNanos();
				container.awaitStop(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
			}
		}
	}

	/**
	 * Stop every listener when the registry is destroyed, also when the context never
	 * finished starting (its lifecycle is then not stopped).
	 */
	@Override
	public void destroy() {
		stop();
	}

	@Override
	public void stop(Runnable callback) {
		stop();
		callback.run();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}

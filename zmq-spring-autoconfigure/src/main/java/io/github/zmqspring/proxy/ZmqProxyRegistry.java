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

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationEventPublisherAware;
import org.springframework.context.SmartLifecycle;
import org.springframework.util.Assert;

import io.github.zmqspring.core.ZmqEndpoint;
import io.github.zmqspring.core.ZmqEndpointResolver;
import io.github.zmqspring.core.ZmqInvalidEndpointException;
import io.github.zmqspring.core.ZmqSocketFactory;
import io.github.zmqspring.listener.AbstractZmqListenerContainer;

/**
 * Owns every proxy by name: starts the auto-startup ones before any listener container
 * starts and stops them after every listener container has stopped, and lets applications
 * look up, start and stop a proxy by name. Bare addresses of a proxy bind, on both sides.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public class ZmqProxyRegistry implements SmartLifecycle, DisposableBean, ApplicationEventPublisherAware {

	/**
	 * The phase proxies start and stop in: before listener containers
	 * ({@link AbstractZmqListenerContainer#DEFAULT_PHASE}) start, after they stop.
	 */
	public static final int DEFAULT_PHASE = AbstractZmqListenerContainer.DEFAULT_PHASE - 100;

	private final ZmqSocketFactory socketFactory;

	private final ZmqEndpointResolver endpointResolver;

	private final Map<String, ZmqProxy> proxies = new LinkedHashMap<>();

	private volatile boolean running;

	private volatile @Nullable ApplicationEventPublisher eventPublisher;

	public ZmqProxyRegistry(ZmqSocketFactory socketFactory, ZmqEndpointResolver endpointResolver) {
		this.socketFactory = socketFactory;
		this.endpointResolver = endpointResolver;
	}

	/**
	 * Set the publisher that proxies publish their started and stopped events with (set
	 * by the application context when the registry is a bean); applies to the proxies
	 * registered already and to later ones.
	 * @param applicationEventPublisher the publisher
	 */
	@Override
	public void setApplicationEventPublisher(ApplicationEventPublisher applicationEventPublisher) {
		this.eventPublisher = applicationEventPublisher;
		getProxies().forEach((proxy) -> proxy.setApplicationEventPublisher(applicationEventPublisher));
	}

	/**
	 * Create and register a proxy; started at once if the registry is running and the
	 * proxy auto-starts.
	 * @param definition the proxy definition
	 * @return the proxy
	 * @throws ZmqInvalidEndpointException if a side's endpoint is unknown or invalid
	 * @throws IllegalStateException if a proxy with the same name exists
	 */
	public ZmqProxy registerProxy(ZmqProxyDefinition definition) {
		ZmqEndpoint frontend = resolve(definition, "frontend", definition.frontend());
		ZmqEndpoint backend = resolve(definition, "backend", definition.backend());
		ZmqProxy proxy = new ZmqProxy(definition, frontend, backend, this.socketFactory);
		proxy.setApplicationEventPublisher(this.eventPublisher);
		synchronized (this.proxies) {
			Assert.state(!this.proxies.containsKey(definition.name()),
					() -> "A ZeroMQ proxy named '" + definition.name() + "' is already registered");
			this.proxies.put(definition.name(), proxy);
		}
		if (this.running && proxy.isAutoStartup()) {
			proxy.start();
		}
		return proxy;
	}

	private ZmqEndpoint resolve(ZmqProxyDefinition definition, String side, String endpoint) {
		try {
			return this.endpointResolver.resolve(endpoint, true);
		}
		catch (ZmqInvalidEndpointException ex) {
			throw ex.withSource(
					"ZeroMQ proxy '" + definition.name() + "' (" + definition.propertyPrefix() + "." + side + ")");
		}
	}

	/**
	 * Return a proxy by name.
	 * @param name the name under {@code zmq.proxies}
	 * @return the proxy, or {@code null} if there is none with that name
	 */
	public @Nullable ZmqProxy getProxy(String name) {
		synchronized (this.proxies) {
			return this.proxies.get(name);
		}
	}

	/**
	 * Return the names of all proxies.
	 * @return the names, in registration order
	 */
	public Set<String> getProxyNames() {
		synchronized (this.proxies) {
			return Collections.unmodifiableSet(new LinkedHashSet<>(this.proxies.keySet()));
		}
	}

	/**
	 * Return all proxies.
	 * @return the proxies, in registration order
	 */
	public Collection<ZmqProxy> getProxies() {
		synchronized (this.proxies) {
			return List.copyOf(this.proxies.values());
		}
	}

	/**
	 * Start one proxy.
	 * @param name the proxy name
	 * @throws IllegalArgumentException if there is no proxy with that name
	 */
	public void start(String name) {
		requireProxy(name).start();
	}

	/**
	 * Stop one proxy and wait until its thread has closed its sockets.
	 * @param name the proxy name
	 * @throws IllegalArgumentException if there is no proxy with that name
	 */
	public void stop(String name) {
		requireProxy(name).stop();
	}

	/**
	 * Return whether one proxy is running.
	 * @param name the proxy name
	 * @return whether its thread runs
	 * @throws IllegalArgumentException if there is no proxy with that name
	 */
	public boolean isRunning(String name) {
		return requireProxy(name).isRunning();
	}

	private ZmqProxy requireProxy(String name) {
		ZmqProxy proxy = getProxy(name);
		Assert.isTrue(proxy != null, () -> "No ZeroMQ proxy named '" + name + "'; configured proxies: "
				+ String.join(", ", getProxyNames()));
		return proxy;
	}

	@Override
	public int getPhase() {
		return DEFAULT_PHASE;
	}

	@Override
	public void start() {
		try {
			for (ZmqProxy proxy : getProxies()) {
				if (proxy.isAutoStartup()) {
					proxy.start();
				}
			}
		}
		catch (RuntimeException ex) {
			// a failed start aborts the context: stop the proxies already running
			stop();
			throw ex;
		}
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		Collection<ZmqProxy> all = getProxies();
		all.forEach(ZmqProxy::requestStop);
		for (ZmqProxy proxy : all) {
			proxy.awaitStop(proxy.getStopTimeout());
		}
	}

	@Override
	public void stop(Runnable callback) {
		stop();
		callback.run();
	}

	/**
	 * Stop every proxy when the registry is destroyed, also when the context never
	 * finished starting (its lifecycle is then not stopped).
	 */
	@Override
	public void destroy() {
		stop();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}

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

package io.github.zmqspring.listener;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import io.github.zmqspring.convert.ZmqFrames;
import io.github.zmqspring.observation.DefaultZmqListenerObservationConvention;
import io.github.zmqspring.observation.ZmqListenerObservation;
import io.github.zmqspring.observation.ZmqListenerObservationContext;
import io.github.zmqspring.observation.ZmqListenerObservationConvention;

/**
 * The {@code zmq.listener} observation around each invocation of one listener's method;
 * with the no-op registry (the default) nothing is created.
 */
final class ListenerObservation {

	private final String listenerId;

	private final String listenerType;

	private final String endpointName;

	private volatile ObservationRegistry registry = ObservationRegistry.NOOP;

	private volatile @Nullable ZmqListenerObservationConvention convention;

	ListenerObservation(String listenerId, String listenerType, String endpointName) {
		this.listenerId = listenerId;
		this.listenerType = listenerType;
		this.endpointName = endpointName;
	}

	void setRegistry(ObservationRegistry registry) {
		this.registry = registry;
	}

	void setConvention(@Nullable ZmqListenerObservationConvention convention) {
		this.convention = convention;
	}

	/**
	 * Process a message inside an observation, unless the registry is the no-op one.
	 */
	@Nullable ZmqFrames observe(ZmqFrames frames, FrameProcessor processor) {
		ObservationRegistry current = this.registry;
		if (current.isNoop()) {
			return processor.process(frames);
		}
		ZmqListenerObservationContext context = new ZmqListenerObservationContext(this.listenerId, this.listenerType,
				this.endpointName, frames);
		Observation observation = ZmqListenerObservation.LISTENER_OBSERVATION.observation(this.convention,
				DefaultZmqListenerObservationConvention.INSTANCE, () -> context, current);
		observation.start();
		try (Observation.Scope scope = observation.openScope()) {
			return processor.process(frames);
		}
		catch (RuntimeException | Error ex) {
			observation.error(ex);
			throw ex;
		}
		finally {
			observation.stop();
		}
	}

	/**
	 * Record a failure on the {@code zmq.listener} observation of the current thread.
	 */
	void error(Throwable failure) {
		ObservationRegistry current = this.registry;
		if (!current.isNoop()) {
			Observation observation = current.getCurrentObservation();
			if (observation != null && observation.getContext() instanceof ZmqListenerObservationContext) {
				observation.error(failure);
			}
		}
	}

}

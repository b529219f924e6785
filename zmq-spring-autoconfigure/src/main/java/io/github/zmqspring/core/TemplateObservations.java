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

package io.github.zmqspring.core;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import io.github.zmqspring.observation.DefaultZmqTemplateObservationConvention;
import io.github.zmqspring.observation.ZmqTemplateObservation;
import io.github.zmqspring.observation.ZmqTemplateObservationContext;
import io.github.zmqspring.observation.ZmqTemplateObservationConvention;

/**
 * Runs a template operation inside its {@code zmq.template} observation: in scope while
 * the caller is in the template, stopped when the operation (or, for
 * {@code requestAsync}, its future) ends, with the error recorded.
 */
final class TemplateObservations {

	private TemplateObservations() {
	}

	/**
	 * Start a {@code zmq.template} observation, unless the registry is the no-op one.
	 * @return the started observation, or {@code null} (nothing allocated)
	 */
	static @Nullable Observation start(ObservationRegistry registry,
			@Nullable ZmqTemplateObservationConvention convention, ZmqEndpoint endpoint, String operation) {
		if (registry.isNoop()) {
			return null;
		}
		ZmqTemplateObservationContext context = new ZmqTemplateObservationContext(endpoint.name(), operation);
		return ZmqTemplateObservation.TEMPLATE_OBSERVATION
			.observation(convention, DefaultZmqTemplateObservationConvention.INSTANCE, () -> context, registry)
			.start();
	}

	static <R> R observe(Observation observation, Supplier<R> operation) {
		try (Observation.Scope scope = observation.openScope()) {
			return operation.get();
		}
		catch (RuntimeException ex) {
			observation.error(ex);
			throw ex;
		}
		finally {
			observation.stop();
		}
	}

	static <R> CompletableFuture<R> observeAsync(Observation observation, Supplier<CompletableFuture<R>> operation) {
		CompletableFuture<R> result;
		try {
			result = operation.get();
		}
		catch (RuntimeException ex) {
			observation.error(ex);
			observation.stop();
			throw ex;
		}
		result.whenComplete((value, failure) -> {
			if (failure != null) {
				observation.error((failure instanceof CompletionException && failure.getCause() != null)
						? failure.getCause() : failure);
			}
			observation.stop();
		});
		return result;
	}

}

/**
 * Trình chiếu: the hall's screen for one election, full window without the menu. It shows only
 * what the counting committee released, and follows every release live (server-sent events).
 */
import { useEffect } from "react";
import { Navigate, useLocation, useParams } from "react-router";
import { useElectionEvents, useProjection } from "../api/elections.ts";
import { errorMessage, isApiError } from "../api/index.ts";
import { PROJECTION_CSS, ProjectionView } from "../components/election/ProjectionView.tsx";
import { paths } from "../paths.ts";

export function ProjectionPage() {
  const raw = Number(useParams().id);
  const id = Number.isInteger(raw) && raw > 0 ? raw : undefined;
  const location = useLocation();
  const projection = useProjection(id);
  const live = useElectionEvents(id);
  const p = projection.data;

  useEffect(() => {
    document.title = p ? `${p.title} — Trình chiếu` : "Trình chiếu — Đại Hội";
  }, [p]);

  if (isApiError(projection.error) && projection.error.status === 401)
    return <Navigate to={`${paths.login}?next=${encodeURIComponent(location.pathname)}`} replace />;
  return (
    <>
      <style>{PROJECTION_CSS}</style>
      {projection.error ? (
        <div className="projection">
          <div className="pj-wait" role="alert">
            {errorMessage(projection.error)}
          </div>
        </div>
      ) : (
        <ProjectionView
          orgName={p?.organisation ?? ""}
          title={p?.title ?? "…"}
          result={p?.result ?? null}
          live={live}
        />
      )}
    </>
  );
}

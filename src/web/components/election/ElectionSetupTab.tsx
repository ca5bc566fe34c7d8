/**
 * The setup tab of an election: the list checked against the regulation, the ballots to print,
 * start counting.
 */

import { PlayCircleOutlined, PrinterOutlined } from "@ant-design/icons";
import { Alert, Button, Flex, Popconfirm } from "antd";
import { Link } from "react-router";
import { type ElectionDto, useElectionAction, useUpdateElection } from "../../api/elections.ts";
import { paths } from "../../paths.ts";
import { ErrorAlert } from "../ErrorAlert.tsx";
import { ElectionSetupForm, valuesOf } from "./ElectionSetupForm.tsx";
import { RuleSettingsPanel } from "./RuleSettingsPanel.tsx";

export function ElectionSetupTab({ election }: { election: ElectionDto }) {
  const update = useUpdateElection(election.id);
  const start = useElectionAction(election.id, "start");
  const editable = election.permissions.setup && election.status === "setup";
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap>
        <Link to={paths.electionBallots(election.id)}>
          <Button icon={<PrinterOutlined />} data-testid="print-ballots-link">
            In phiếu bầu
          </Button>
        </Link>
        {editable && (
          <Popconfirm
            title="Bắt đầu kiểm phiếu? Sau đó không sửa được danh sách."
            okText="Bắt đầu"
            cancelText="Thôi"
            onConfirm={() => start.mutate()}
            disabled={election.startProblems.length > 0}
          >
            <Button
              type="primary"
              icon={<PlayCircleOutlined />}
              loading={start.isPending}
              disabled={election.startProblems.length > 0}
              data-testid="start-counting"
            >
              Bắt đầu kiểm phiếu
            </Button>
          </Popconfirm>
        )}
      </Flex>
      {start.error && <ErrorAlert error={start.error} />}
      {election.status === "setup" && election.startProblems.length > 0 && (
        <Alert
          type="info"
          showIcon
          title="Chưa thể bắt đầu kiểm phiếu"
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }} data-testid="start-problems">
              {election.startProblems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          }
        />
      )}
      {update.error && <ErrorAlert error={update.error} />}
      {update.isSuccess && <Alert type="success" showIcon title="Đã lưu." />}
      <ElectionSetupForm
        key={election.version}
        initial={valuesOf(election)}
        disabled={!editable}
        saving={update.isPending}
        submitLabel="Lưu thiết lập"
        problems={election.listProblems}
        warnings={election.listWarnings}
        settings={election.settings}
        congressId={election.congressId}
        onSubmit={(body) => update.mutate({ ...body, version: election.version })}
      />
      <RuleSettingsPanel overrides={election.settings} />
    </Flex>
  );
}
